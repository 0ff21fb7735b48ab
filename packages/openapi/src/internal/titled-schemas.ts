/**
 * Models that name themselves: an object schema with a `v.title('Item')` becomes the component
 * `Item`, as a Pydantic model becomes one by its class name — no need to list it in `schemas`.
 */
import type { Operation } from '@brisk/router'
import type * as v from 'valibot'

const OBJECT_TYPES = new Set(['object', 'loose_object', 'strict_object', 'object_with_rest'])
/** What a component name may be (OpenAPI's rule); other titles stay plain titles. */
const COMPONENT_NAME = /^[A-Za-z0-9._-]+$/

interface SchemaLike {
  readonly kind: 'schema'
  readonly type: string
  readonly pipe?: readonly { readonly type: string; readonly title?: unknown }[]
}

function isSchema(value: unknown): value is SchemaLike {
  return typeof value === 'object' && value !== null && (value as SchemaLike).kind === 'schema'
}

function titleOf(schema: SchemaLike): string | undefined {
  if (!OBJECT_TYPES.has(schema.type) || !schema.pipe) return undefined
  for (let index = schema.pipe.length - 1; index >= 0; index--) {
    const action = schema.pipe[index]!
    if (action.type === 'title' && typeof action.title === 'string') {
      return COMPONENT_NAME.test(action.title) ? action.title : undefined
    }
  }
  return undefined
}

/**
 * The titled object schemas the operations use, by title, merged with the listed ones (a listed
 * name wins only for its own schema: two different schemas under one name is an error).
 */
export function namedSchemas(
  operations: readonly Operation[],
  listed: Readonly<Record<string, v.GenericSchema>>,
): Record<string, v.GenericSchema> {
  const named: Record<string, v.GenericSchema> = { ...listed }
  const listedSchemas = new Set<unknown>(Object.values(listed))
  const seen = new Set<unknown>()
  const visit = (value: unknown): void => {
    if (typeof value !== 'object' || value === null || seen.has(value)) return
    seen.add(value)
    if (Array.isArray(value)) {
      for (const item of value) visit(item)
      return
    }
    if (isSchema(value)) {
      const title = titleOf(value)
      if (title && !listedSchemas.has(value)) {
        const known = named[title]
        if (known && known !== value) {
          throw new Error(
            `Two different schemas are both named '${title}' (by v.title or in openapi schemas); give one another title`,
          )
        }
        named[title] = value as unknown as v.GenericSchema
      }
    }
    // Into a schema's parts (entries, item, wrapped, options, pipe…) and plain data holding them.
    for (const [key, item] of Object.entries(value)) {
      if (key !== '~standard' && key !== 'message') visit(item)
    }
  }
  for (const operation of operations) {
    visit(operation.inputs)
    visit(operation.responses)
    visit(operation.stream)
    visit(operation.websocket)
  }
  return named
}

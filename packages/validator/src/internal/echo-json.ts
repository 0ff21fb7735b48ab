import { aliasOf } from '../alias.ts'
import { isSensitive } from './is-sensitive.ts'
import { type SchemaNode, unwrapSchema } from './schema-node.ts'
import { truncateInput } from './truncate-input.ts'

/**
 * A JSON value as an issue may echo it: truncated (`truncateInput`), with every value the schema
 * marks sensitive (`v.metadata({ sensitive: true })`) replaced by `null`, at any depth kept. A
 * sensitive value itself is `null`. Object keys are matched to fields by key or by alias, so a
 * value as sent and one renamed for the handler are both redacted.
 */
export function echoJson(value: unknown, schema: SchemaNode | undefined): unknown {
  if (schema !== undefined && isSensitive(schema)) return null
  return redact(truncateInput(value), schema)
}

function redact(copy: unknown, schema: SchemaNode | undefined): unknown {
  if (schema === undefined || typeof copy !== 'object' || copy === null) return copy
  const node = unwrapSchema(schema).base
  if (Array.isArray(copy)) {
    const item = node.type === 'array' ? node.item : undefined
    if (item !== undefined)
      for (let index = 0; index < copy.length; index++) copy[index] = redact(copy[index], item)
    return copy
  }
  const record = copy as Record<string, unknown>
  const fields = node.entries && fieldsByName(node.entries)
  for (const key in record) {
    const entry = fields?.get(key) ?? (node.type === 'record' ? node.value : node.rest)
    if (entry === undefined) continue
    record[key] = isSensitive(entry) ? null : redact(record[key], entry)
  }
  return copy
}

function fieldsByName(entries: Readonly<Record<string, SchemaNode>>): Map<string, SchemaNode> {
  const fields = new Map<string, SchemaNode>()
  for (const key in entries) {
    const entry = entries[key]!
    fields.set(key, entry)
    const wire = aliasOf(entry)
    if (wire !== undefined) fields.set(wire, entry)
  }
  return fields
}

/**
 * The object a missing field's `loc` (`['body', …, field]`, wire keys) points into, in the body
 * as sent, echoed (`echoJson`). `null` when the path leads nowhere (a pipe changed the value).
 */
export function echoSent(
  sent: unknown,
  loc: readonly (string | number)[],
  schema: SchemaNode,
): unknown {
  let value = sent
  for (let index = 1; index < loc.length - 1; index++) {
    if (typeof value !== 'object' || value === null || !Object.hasOwn(value, loc[index]!)) {
      return null
    }
    value = (value as Record<string | number, unknown>)[loc[index]!]
  }
  return typeof value === 'object' && value !== null
    ? echoJson(value, schemaAtWire(schema, loc))
    : null
}

/** The schema of the object a wire `loc` ends in (its last element is the missing field). */
function schemaAtWire(
  schema: SchemaNode,
  loc: readonly (string | number)[],
): SchemaNode | undefined {
  let node: SchemaNode | undefined = schema
  for (let index = 1; node !== undefined && index < loc.length - 1; index++) {
    const base: SchemaNode = unwrapSchema(node).base
    const key = loc[index]!
    if (typeof key === 'number') node = base.item ?? base.items?.[key]
    else node = base.entries ? fieldsByName(base.entries).get(key) : (base.value ?? base.rest)
  }
  return node
}

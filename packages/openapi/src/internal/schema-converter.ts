import { fieldAlias } from '@brisk/validator'
import {
  type ConversionConfig,
  type OverrideSchemaContext,
  toJsonSchema,
} from '@valibot/to-json-schema'
import type * as v from 'valibot'
import type { JsonSchema } from '../types.ts'

export type TypeMode = 'input' | 'output'

const COMPONENTS = '#/components/schemas/'

/** What JSON Schema cannot say exactly, said as loosely as needed (never a wrong constraint). */
const LOOSE: Record<string, JsonSchema> = {
  date: { type: 'string', format: 'date-time' },
  bigint: { type: 'integer' },
  file: { type: 'string', contentMediaType: 'application/octet-stream' },
  blob: { type: 'string', contentMediaType: 'application/octet-stream' },
}

/** What value-changing transforms produce; `{}` (anything) where it is the user's code. */
const OUTPUTS: Record<string, JsonSchema> = {
  transform: {},
  raw_transform: {},
  to_number: { type: 'number' },
  to_string: { type: 'string' },
  to_boolean: { type: 'boolean' },
  to_date: { type: 'string', format: 'date-time' },
  to_bigint: { type: 'integer' },
  parse_json: {},
  stringify_json: { type: 'string' },
}

/**
 * Converts Valibot schemas to OpenAPI 3.1 (JSON Schema 2020-12) with `@valibot/to-json-schema`,
 * referring to named schemas as `#/components/schemas/Name` and collecting recursive ones there.
 * `inexact` hears of each feature JSON Schema cannot say (documented without that constraint).
 */
export function createSchemaConverter(
  named: Readonly<Record<string, v.GenericSchema>>,
  inexact: (feature: string) => void = () => {},
) {
  const names = new Map<unknown, string>(Object.entries(named).map(([name, s]) => [s, name]))
  // to-json-schema never shows a piped schema (`v.pipe(v.object(…), v.title('Item'))`) to
  // overrideSchema, only what its pipe starts with: a named pipe that only adds metadata is found
  // by that inner schema. (One that adds checks is referred to where it is used directly.)
  const piped = new Map<unknown, v.GenericSchema>()
  for (const schema of Object.values(named)) {
    const inner = metadataPipeInner(schema)
    if (inner && !names.has(inner)) piped.set(inner, schema)
  }
  const autoNames = new Map<unknown, string>()
  /** Named schemas whose input and output documents differ get a separate `NameInput`. */
  const splitNames = new Set<string>()
  const collected: Record<string, JsonSchema> = {}

  const componentName = (schema: unknown, mode: TypeMode): string => {
    let name = names.get(schema)
    if (!name) {
      name = autoNames.get(schema)
      if (!name) {
        name = `Recursive${autoNames.size + 1}`
        autoNames.set(schema, name)
      }
    }
    return mode === 'input' && splitNames.has(name) ? `${name}Input` : name
  }

  const convert = (schema: v.GenericSchema, mode: TypeMode, root?: unknown): JsonSchema => {
    if (root === undefined && names.has(schema))
      return { $ref: COMPONENTS + componentName(schema, mode) }
    const rootInner = root === undefined ? undefined : metadataPipeInner(root)
    const renamed = new Map<string, string>()
    const config: ConversionConfig = {
      target: 'draft-2020-12',
      typeMode: mode,
      errorMode: 'ignore',
      overrideSchema: (context: OverrideSchemaContext) => {
        const current = context.valibotSchema as v.GenericSchema
        if (current !== root && names.has(current)) {
          return { $ref: COMPONENTS + componentName(current, mode) }
        }
        const wrapper = piped.get(current)
        if (wrapper && wrapper !== root && current !== rootInner) {
          return { $ref: COMPONENTS + componentName(wrapper, mode) }
        }
        const loose = LOOSE[current.type]
        if (loose) return { ...loose, ...withoutType(context.jsonSchema as JsonSchema) }
        const entries = (current as { entries?: Record<string, v.GenericSchema> }).entries
        if (entries) return wireProperties(entries, context.jsonSchema as JsonSchema, mode)
        if (context.errors) inexact(`The "${current.type}" schema`)
        return undefined
      },
      overrideAction: ({ valibotAction: action, errors }) => {
        // Output documents reach transforms (input ones stop before them): say what they make.
        if (mode === 'output' && action.kind === 'transformation' && action.type in OUTPUTS) {
          const output = OUTPUTS[action.type]!
          if (Object.keys(output).length === 0) inexact('The output of a custom transform')
          return output
        }
        if (errors)
          inexact(`The "${action.type}" ${action.kind === 'validation' ? 'check' : 'action'}`)
        return undefined
      },
      overrideRef: (context) => {
        const name = componentName(context.valibotSchema, mode)
        renamed.set(context.referenceId, name)
        return COMPONENTS + name
      },
    }
    const { $schema: _, $defs, ...json } = toJsonSchema(schema, config) as JsonSchema
    for (const [id, definition] of Object.entries(($defs ?? {}) as Record<string, JsonSchema>)) {
      const name = renamed.get(id)
      if (
        name &&
        !names.has(name) &&
        !('$ref' in definition && Object.keys(definition).length === 1)
      ) {
        collected[name] = definition
      }
    }
    return json
  }

  // A named schema is split when its two documents differ, directly or through a split schema it
  // refers to: repeat until nothing new splits.
  const entries = Object.entries(named)
  for (let changed = true; changed; ) {
    changed = false
    for (const [name, schema] of entries) {
      if (splitNames.has(name)) continue
      const input = JSON.stringify(convert(schema, 'input', schema))
      if (input !== JSON.stringify(convert(schema, 'output', schema))) {
        splitNames.add(name)
        changed = true
      }
    }
  }

  return {
    /** The document of a schema as clients send it (requests) or receive it (responses). */
    convert: (schema: v.GenericSchema, mode: TypeMode) => convert(schema, mode),
    /** `components.schemas`: named schemas (split where input and output differ), recursive ones. */
    components(): Record<string, JsonSchema> {
      const schemas: Record<string, JsonSchema> = {}
      for (const [name, schema] of entries) {
        schemas[name] = convert(schema, 'output', schema)
        if (splitNames.has(name)) schemas[`${name}Input`] = convert(schema, 'input', schema)
      }
      return { ...schemas, ...collected }
    },
  }
}

const METADATA = new Set(['title', 'description', 'metadata', 'examples'])

/** The schema a pipe starts with, when the rest of the pipe only documents it. */
function metadataPipeInner(schema: unknown): unknown {
  const pipe = (schema as { pipe?: readonly { kind: string; type: string }[] }).pipe
  if (!pipe || pipe.length < 2) return undefined
  const [inner, ...actions] = pipe
  return actions.every((action) => action.kind === 'metadata' && METADATA.has(action.type))
    ? inner
    : undefined
}

function withoutType(json: JsonSchema): JsonSchema {
  const { type: _, ...rest } = json
  return rest
}

/**
 * An object's properties under the names clients send (`alias('item-name')`, as the validator
 * reads them) in request documents; responses keep the handler's keys, which is what the router
 * serializes. The `alias` metadata itself is never shown. `undefined` when nothing changes.
 */
function wireProperties(
  entries: Readonly<Record<string, v.GenericSchema>>,
  json: JsonSchema,
  mode: TypeMode,
): JsonSchema | undefined {
  const properties = json.properties as Record<string, JsonSchema> | undefined
  if (!properties) return undefined
  const wire = new Map<string, string>()
  for (const [key, entry] of Object.entries(entries)) {
    const name = fieldAlias(entry)
    if (name !== undefined) wire.set(key, name)
  }
  if (wire.size === 0) return undefined
  const renamed: Record<string, JsonSchema> = {}
  for (const [key, property] of Object.entries(properties)) {
    const { alias: _, ...rest } = property
    renamed[mode === 'input' ? (wire.get(key) ?? key) : key] = rest
  }
  const result: JsonSchema = { ...json, properties: renamed }
  if (mode === 'input' && Array.isArray(json.required)) {
    result.required = (json.required as string[]).map((key) => wire.get(key) ?? key)
  }
  return result
}

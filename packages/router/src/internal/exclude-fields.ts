/**
 * FastAPI's `response_model_exclude_unset` / `_defaults` / `_none`, planned once per response
 * schema: a filter from the handler's value and its parsed output to the output without the
 * excluded fields, in nested objects too. Routes that set none of them never reach this file.
 */
import * as v from 'valibot'

/** Which fields of a response body to leave out. */
export interface Exclusion {
  /** Fields the handler's value did not set (absent, or `undefined`); set to a default, they stay. */
  readonly unset: boolean
  /** Fields whose value equals their schema default. */
  readonly defaults: boolean
  /** Fields whose value is `null`. */
  readonly none: boolean
}

/** The output with the excluded fields removed; `input` is the value the output was parsed from. */
export type FieldFilter = (input: unknown, output: unknown) => unknown

/** A Valibot schema seen structurally: only the parts that say where fields are. */
interface Node {
  readonly type: string
  readonly pipe?: readonly Node[]
  readonly entries?: Readonly<Record<string, Node>>
  readonly wrapped?: Node
  readonly item?: Node
  readonly value?: Node
  readonly options?: readonly unknown[]
  readonly getter?: (input: unknown) => Node
  readonly default?: unknown
}

interface Field {
  /** The wrapper carrying the default (`optional(schema, default)`, …), when there is one. */
  readonly withDefault: Node | undefined
  readonly filter: FieldFilter | undefined
}

const OBJECTS = new Set(['object', 'loose_object', 'strict_object', 'object_with_rest'])
const WRAPPERS = new Set([
  'optional',
  'exact_optional',
  'nullable',
  'nullish',
  'undefinedable',
  'non_optional',
  'non_nullable',
  'non_nullish',
])

/** Plans the filter of one schema; `undefined` when the schema has no field to filter. */
export function planFieldFilter(
  schema: v.GenericSchema,
  exclusion: Exclusion,
): FieldFilter | undefined {
  return plan(schema as unknown as Node, exclusion, new Map())
}

function plan(
  schema: Node,
  exclusion: Exclusion,
  planned: Map<Node, FieldFilter | undefined>,
): FieldFilter | undefined {
  if (planned.has(schema)) return planned.get(schema)
  // A schema met again while planning itself (built cyclic by hand) is filtered through a
  // forwarder, which finds the finished plan at run time.
  planned.set(schema, (input, output) => planned.get(schema)?.(input, output) ?? output)
  const filter = planNode(schema, exclusion, planned)
  planned.set(schema, filter)
  return filter
}

function planNode(
  schema: Node,
  exclusion: Exclusion,
  planned: Map<Node, FieldFilter | undefined>,
): FieldFilter | undefined {
  // A transform may change the output's shape: what it makes is left as it is.
  if (schema.pipe?.some((item) => item.type === 'transform')) return undefined
  if (schema.wrapped && WRAPPERS.has(schema.type)) {
    return plan(schema.wrapped, exclusion, planned)
  }
  if (schema.entries && OBJECTS.has(schema.type)) {
    return objectFilter(schema.entries, exclusion, planned)
  }
  if (schema.type === 'array' && schema.item) {
    const item = plan(schema.item, exclusion, planned)
    return item && arrayFilter(item)
  }
  if (schema.type === 'record' && schema.value) {
    const value = plan(schema.value, exclusion, planned)
    return value && recordFilter(value)
  }
  if ((schema.type === 'union' || schema.type === 'variant') && schema.options) {
    return unionFilter(schema.options as Node[], exclusion, planned)
  }
  if (schema.type === 'lazy' && schema.getter) {
    const getter = schema.getter
    return (input, output) => {
      const filter = plan(getter(input), exclusion, planned)
      return filter ? filter(input, output) : output
    }
  }
  return undefined
}

function objectFilter(
  entries: Readonly<Record<string, Node>>,
  exclusion: Exclusion,
  planned: Map<Node, FieldFilter | undefined>,
): FieldFilter {
  const fields = new Map<string, Field>()
  for (const [key, entry] of Object.entries(entries)) {
    fields.set(key, { withDefault: defaultCarrier(entry), filter: plan(entry, exclusion, planned) })
  }
  return (input, output) => {
    if (!isRecord(output)) return output
    const given = isRecord(input) ? input : undefined
    const kept: Record<string, unknown> = {}
    for (const key of Object.keys(output)) {
      const value = output[key]
      const field = fields.get(key)
      if (exclusion.unset && (given === undefined || given[key] === undefined)) continue
      if (exclusion.none && value === null) continue
      if (exclusion.defaults && field?.withDefault && isDefault(field.withDefault, value)) continue
      kept[key] = field?.filter ? field.filter(given?.[key], value) : value
    }
    return kept
  }
}

function arrayFilter(item: FieldFilter): FieldFilter {
  return (input, output) => {
    if (!Array.isArray(output)) return output
    const given = Array.isArray(input) ? input : []
    return output.map((value, index) => item(given[index], value))
  }
}

function recordFilter(value: FieldFilter): FieldFilter {
  return (input, output) => {
    if (!isRecord(output)) return output
    const given = isRecord(input) ? input : {}
    const kept: Record<string, unknown> = {}
    for (const key of Object.keys(output)) kept[key] = value(given[key], output[key])
    return kept
  }
}

/** The filter of the first option the handler's value matches (the option that parsed it). */
function unionFilter(
  options: readonly Node[],
  exclusion: Exclusion,
  planned: Map<Node, FieldFilter | undefined>,
): FieldFilter | undefined {
  const filters = options.map((option) => plan(option, exclusion, planned))
  if (filters.every((filter) => filter === undefined)) return undefined
  return (input, output) => {
    const index = options.findIndex((option) => v.is(option as unknown as v.GenericSchema, input))
    const filter = filters[index]
    return filter ? filter(input, output) : output
  }
}

/** The wrapper of an entry that gives it a default, looking through the other wrappers. */
function defaultCarrier(entry: Node): Node | undefined {
  for (let node: Node | undefined = entry; node; node = node.wrapped) {
    if (!WRAPPERS.has(node.type)) return undefined
    if (node.default !== undefined) return node
  }
  return undefined
}

function isDefault(carrier: Node, value: unknown): boolean {
  return deepEqual(
    v.getDefault(carrier as unknown as v.OptionalSchema<v.GenericSchema, unknown>),
    value,
  )
}

/** Equality of JSON-like values, as Python's `==` compares a field's value to its default. */
function deepEqual(left: unknown, right: unknown): boolean {
  if (Object.is(left, right)) return true
  if (Array.isArray(left) || Array.isArray(right)) {
    if (!Array.isArray(left) || !Array.isArray(right) || left.length !== right.length) return false
    return left.every((item, index) => deepEqual(item, right[index]))
  }
  if (!isRecord(left) || !isRecord(right)) return false
  const keys = Object.keys(left)
  if (keys.length !== Object.keys(right).length) return false
  return keys.every((key) => Object.hasOwn(right, key) && deepEqual(left[key], right[key]))
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

/**
 * The one structural view of a Valibot schema, used to plan coercion, compiled parsers and issue
 * names without each schema's exact generic type: Valibot's `GenericSchema` plus, each optional, the
 * fields that a schema's `type` implies (`entries` for objects, `wrapped` for optional/nullable…,
 * `pipe` for pipes). Every sync Valibot schema is a `SchemaNode` without a cast.
 */
import type * as v from 'valibot'

/**
 * A Valibot schema seen structurally. `async` is `boolean` because `isSchema` admits async schemas
 * too (callers refuse them); `~run` keeps the sync type, as nothing runs a node before that check.
 */
export interface SchemaNode extends Omit<v.GenericSchema, 'async'> {
  readonly async: boolean
  /** A pipe: its first item is the schema, the rest are actions (or further schemas). */
  readonly pipe?: readonly [SchemaNode, ...PipeItem[]]
  /** `object`, `looseObject`, `strictObject`, `objectWithRest`. */
  readonly entries?: Readonly<Record<string, SchemaNode>>
  /** `optional`, `nullable`, `nullish`, `exact_optional`, `non_*`, … */
  readonly wrapped?: SchemaNode
  /** `array`. */
  readonly item?: SchemaNode
  /** `tuple`. */
  readonly items?: readonly SchemaNode[]
  /** `objectWithRest`, `tupleWithRest`. */
  readonly rest?: SchemaNode
  /** `record`, `map`, `set`. */
  readonly value?: SchemaNode
  /** `record`, `map`: the schema of the keys (a `variant`'s is the discriminator's name). */
  readonly key?: SchemaNode | string
  /** `lazy`: returns the schema for an input. */
  readonly getter?: (input: unknown) => SchemaNode
  /** Schemas for `union`/`variant`; values for `picklist`/`enum`. */
  readonly options?: readonly unknown[]
  readonly literal?: unknown
  readonly default?: unknown
  readonly fallback?: unknown
}

/** An item of a pipe after its first: a schema, or one of Valibot's pipe actions. */
export type PipeItem = SchemaNode | v.GenericPipeAction

/**
 * A pipe item that runs on a dataset (a schema, validation or transformation, not metadata), as
 * Valibot's `pipe` runs each one: on the dataset the previous item returned. A method, so that
 * each item's own `~run` (typed for the dataset that item expects) is one without a cast.
 */
export interface PipeStep {
  readonly kind: 'schema' | 'validation' | 'transformation'
  readonly type: string
  /** The value a validation tests against (`minLength`'s length, `regex`'s pattern, …). */
  readonly requirement?: unknown
  '~run'(
    dataset: v.UnknownDataset | v.OutputDataset<unknown, v.BaseIssue<unknown>>,
    config: v.Config<v.BaseIssue<unknown>>,
  ): v.OutputDataset<unknown, v.BaseIssue<unknown>>
}

const WRAPPERS = new Set([
  'optional',
  'nullable',
  'nullish',
  'exact_optional',
  'undefinedable',
  'non_optional',
  'non_nullable',
  'non_nullish',
])

const ACCEPTS_UNDEFINED = new Set([
  'optional',
  'nullish',
  'undefinedable',
  'exact_optional',
  'any',
  'unknown',
  'undefined',
  'void',
])

/** Whether a value is a Valibot schema (rather than an object of field schemas). */
export function isSchema(value: unknown): value is SchemaNode {
  return (
    typeof value === 'object' &&
    value !== null &&
    (value as { kind?: unknown }).kind === 'schema' &&
    typeof (value as { '~run'?: unknown })['~run'] === 'function'
  )
}

// A pipe nested as the first item of another pipe (`v.pipe(v.pipe(v.number(), v.integer()), ...)`)
// counts too.
function pipeHasInteger(node: SchemaNode): boolean {
  if (node.pipe === undefined) return false
  for (const item of node.pipe) {
    if (item.type === 'integer' || item.type === 'safe_integer') return true
    if (item !== node && item.kind === 'schema' && pipeHasInteger(item)) return true
  }
  return false
}

/** The schema under optional/nullable/... wrappers, and whether any pipe on the way is integer. */
export function unwrapSchema(schema: SchemaNode): { base: SchemaNode; integer: boolean } {
  let node = schema
  let integer = pipeHasInteger(node)
  while (WRAPPERS.has(node.type) && node.wrapped !== undefined) {
    node = node.wrapped
    integer ||= pipeHasInteger(node)
  }
  return { base: node, integer }
}

/** Whether a missing value is acceptable to this schema at the top level (e.g. an optional body). */
export function acceptsUndefined(schema: SchemaNode): boolean {
  return ACCEPTS_UNDEFINED.has(schema.type)
}

/** Follows an issue path (keys) from a schema to the schema that produced the issue, if clear. */
export function schemaAtPath(schema: SchemaNode, keys: readonly unknown[]): SchemaNode | undefined {
  let node: SchemaNode | undefined = schema
  for (const key of keys) {
    if (node === undefined) return undefined
    node = unwrapSchema(node).base
    if (node.entries !== undefined && typeof key === 'string' && Object.hasOwn(node.entries, key)) {
      node = node.entries[key]
    } else if (node.type === 'array' || node.type === 'set') node = node.item ?? node.value
    else if (node.type === 'tuple' && typeof key === 'number') node = node.items?.[key]
    else if (node.type === 'record' || node.type === 'map') node = node.value
    else if (node.rest !== undefined) node = node.rest
    else return undefined
  }
  return node
}

/** Whether a number schema (through wrappers) must hold an integer. */
export function isIntegerSchema(schema: SchemaNode | undefined): boolean {
  return schema !== undefined && unwrapSchema(schema).integer
}

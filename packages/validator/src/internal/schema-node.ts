/**
 * A structural view of a Valibot schema, enough to plan coercion and name issues without
 * depending on each schema's exact generic type.
 */
export interface SchemaNode {
  readonly kind: string
  readonly type: string
  readonly async?: boolean
  readonly wrapped?: SchemaNode
  readonly pipe?: readonly { readonly kind: string; readonly type: string }[]
  readonly options?: readonly unknown[]
  readonly literal?: unknown
  readonly item?: SchemaNode
  readonly items?: readonly SchemaNode[]
  readonly entries?: Readonly<Record<string, SchemaNode>>
  readonly rest?: SchemaNode
  readonly value?: SchemaNode
  readonly default?: unknown
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
    if (item !== node && item.kind === 'schema' && pipeHasInteger(item as SchemaNode)) return true
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

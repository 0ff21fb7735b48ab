import { aliasOf } from '../alias.ts'
import type { ValidationIssue } from '../types.ts'
import { isForbiddenKey } from './forbidden-keys.ts'
import { type SchemaNode, unwrapSchema } from './schema-node.ts'

/** Where aliases apply inside a JSON body: an object's aliased fields, an array's items. */
interface AliasNode {
  /** Fields of an object with an alias or aliases below them. */
  readonly fields?: Readonly<Record<string, { readonly wire?: string; readonly node?: AliasNode }>>
  /** Wire keys an object takes its aliased fields from, and aliased fields' own keys. */
  readonly consumed?: ReadonlySet<string>
  readonly item?: AliasNode
}

/** Renames a JSON body's wire keys to the handler's keys, and issues' keys back. */
export interface BodyAliases {
  /** A copy of `value` with aliased keys renamed (only objects on an alias's way are copied). */
  rename(value: unknown): unknown
  /** Rewrites `loc` (`['body', …]`) from the handler's keys to the wire's. */
  nameLoc(issue: ValidationIssue): void
}

/**
 * Plans the aliases of a JSON body schema: `undefined` when it has none (nothing to do per
 * request). Aliases apply in objects, nested objects and arrays of them; one inside a union,
 * record, tuple or lazy schema throws, as does a wire name two fields share.
 */
export function planBodyAliases(schema: SchemaNode, label: string): BodyAliases | undefined {
  const root = planNode(schema, label, new Set())
  if (root === undefined) return undefined
  return {
    rename: (value) => rename(root, value),
    nameLoc(issue) {
      let node: AliasNode | undefined = root
      for (let index = 1; node !== undefined && index < issue.loc.length; index++) {
        const key = issue.loc[index]!
        if (typeof key === 'number') {
          node = node.item
          continue
        }
        const field: { readonly wire?: string; readonly node?: AliasNode } | undefined =
          node.fields?.[key]
        if (field === undefined) return
        if (field.wire !== undefined) issue.loc[index] = field.wire
        node = field.node
      }
    },
  }
}

function planNode(schema: SchemaNode, label: string, seen: Set<SchemaNode>): AliasNode | undefined {
  const base = unwrapSchema(schema).base
  if (seen.has(base)) return undefined
  seen.add(base)
  try {
    if (base.entries !== undefined) return planObject(base.entries, label, seen)
    if (base.type === 'array' && base.item) {
      const item = planNode(base.item, `${label}[]`, seen)
      return item && { item }
    }
    for (const inner of innerSchemas(base)) {
      if (hasAlias(inner, new Set())) {
        throw new TypeError(
          `@brisk/validator: ${label} has an alias inside a ${base.type} schema; aliases apply in objects and arrays only`,
        )
      }
    }
    return undefined
  } finally {
    seen.delete(base)
  }
}

function planObject(
  entries: Readonly<Record<string, SchemaNode>>,
  label: string,
  seen: Set<SchemaNode>,
): AliasNode | undefined {
  const fields: Record<string, { wire?: string; node?: AliasNode }> = Object.create(null)
  const consumed = new Set<string>()
  const wires = new Map<string, string>()
  for (const [key, entry] of Object.entries(entries)) {
    const wire = aliasOf(entry)
    const name = wire ?? key
    if (wire !== undefined && isForbiddenKey(wire)) {
      throw new TypeError(`@brisk/validator: ${label}.${key} has the reserved alias '${wire}'`)
    }
    const other = wires.get(name)
    if (other !== undefined) {
      throw new TypeError(
        `@brisk/validator: ${label}.${other} and ${label}.${key} are both '${name}' on the wire`,
      )
    }
    wires.set(name, key)
    const node = planNode(entry, `${label}.${key}`, seen)
    if (wire === undefined && node === undefined) continue
    fields[key] = {
      ...(wire === undefined ? {} : { wire }),
      ...(node === undefined ? {} : { node }),
    }
    if (wire !== undefined) consumed.add(wire).add(key)
  }
  return Object.keys(fields).length === 0 ? undefined : { fields, consumed }
}

function rename(node: AliasNode, value: unknown): unknown {
  if (node.item !== undefined) {
    return Array.isArray(value) ? value.map((item) => rename(node.item!, item)) : value
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return value
  const input = value as Record<string, unknown>
  // A field's own key on the wire is not the field (FastAPI reads an aliased field by its alias
  // only); it is left out with the wire keys, then each field is set from its wire key.
  const out: Record<string, unknown> = {}
  for (const key of Object.keys(input)) if (!node.consumed!.has(key)) out[key] = input[key]
  for (const [key, field] of Object.entries(node.fields!)) {
    const from = field.wire ?? key
    if (!Object.hasOwn(input, from)) continue
    out[key] = field.node === undefined ? input[from] : rename(field.node, input[from])
  }
  return out
}

function innerSchemas(node: SchemaNode): SchemaNode[] {
  const inner: unknown[] = [...(node.options ?? []), ...(node.items ?? [])]
  if (node.rest) inner.push(node.rest)
  if (node.value) inner.push(node.value)
  if (node.item) inner.push(node.item)
  if (node.type === 'lazy') inner.length = 0
  return inner.filter((item): item is SchemaNode => isSchemaLike(item))
}

function isSchemaLike(value: unknown): value is SchemaNode {
  return typeof value === 'object' && value !== null && (value as SchemaNode).kind === 'schema'
}

/** Whether an alias appears anywhere under `schema` (lazy schemas are not followed). */
function hasAlias(schema: SchemaNode, seen: Set<SchemaNode>): boolean {
  if (seen.has(schema)) return false
  seen.add(schema)
  const base = unwrapSchema(schema).base
  if (base.entries !== undefined) {
    for (const entry of Object.values(base.entries)) {
      if (aliasOf(entry) !== undefined || hasAlias(entry, seen)) return true
    }
    return base.rest !== undefined && hasAlias(base.rest, seen)
  }
  return innerSchemas(base).some((inner) => hasAlias(inner, seen))
}

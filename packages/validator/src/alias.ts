/**
 * `alias`: a field's name on the wire when it differs from its key in the handler (FastAPI's
 * `Query(alias="item-query")`), and `fieldAlias`, which reads it back for the validator, the
 * OpenAPI document and the client.
 */
import * as v from 'valibot'
import type { PipeItem, SchemaNode } from './internal/schema-node.ts'

/** The metadata `alias` attaches; `v.metadata({ alias: 'item-query' })` is the same thing. */
export type AliasMetadata<TName extends string> = { readonly alias: TName }

/**
 * A pipe action naming the field on the wire: the query parameter, header, cookie, form field or
 * JSON key it is read from, and the name errors (`loc`) and the OpenAPI document use. The handler
 * still sees the field under its key. A header alias is the header's name taken literally (no
 * `_` → `-` mapping; matched case-insensitively), which is FastAPI's
 * `Header(convert_underscores=False)`.
 *
 * @example
 * ```ts
 * import * as v from 'valibot'
 * import { alias, createValidator } from '@brisk/validator'
 *
 * const check = createValidator({
 *   query: { q: v.optional(v.pipe(v.string(), alias('item-query'))) },
 *   headers: { strange_header: v.optional(v.pipe(v.string(), alias('strange_header'))) },
 * })
 * // GET /items?item-query=foo → value.query is { q: 'foo' }
 * ```
 */
export function alias<TInput, const TName extends string>(
  name: TName,
): v.MetadataAction<TInput, AliasMetadata<TName>> {
  if (typeof name !== 'string' || name.length === 0) {
    throw new TypeError('@brisk/validator: alias() needs a non-empty name')
  }
  return v.metadata<TInput, AliasMetadata<TName>>({ alias: name })
}

type MetadataItem = PipeItem & { readonly metadata?: { readonly alias?: unknown } }

/**
 * The alias a field carries (`alias('x')` or `v.metadata({ alias: 'x' })` in any pipe, through
 * optional/nullable wrappers and nested pipes), outermost first; `undefined` when it has none.
 *
 * @example
 * ```ts
 * fieldAlias(v.optional(v.pipe(v.string(), alias('item-query')))) // 'item-query'
 * fieldAlias(v.string()) // undefined
 * ```
 */
export function fieldAlias(field: v.GenericSchema): string | undefined {
  return aliasOf(field as SchemaNode)
}

/** {@link fieldAlias} on a structural schema node (inside the package). */
export function aliasOf(node: SchemaNode | undefined): string | undefined {
  for (; node; node = node.wrapped) {
    const pipe: readonly MetadataItem[] = node.pipe ?? []
    for (const item of pipe) {
      const name = item.type === 'metadata' ? item.metadata?.alias : undefined
      if (typeof name === 'string') return name
    }
    for (const item of pipe) {
      if (item === node || item.kind !== 'schema') continue
      const inner = aliasOf(item as SchemaNode)
      if (inner !== undefined) return inner
    }
  }
  return undefined
}

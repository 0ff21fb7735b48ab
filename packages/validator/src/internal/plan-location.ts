import * as v from 'valibot'
import { fieldAlias } from '../alias.ts'
import { type CompiledParser, compileParser } from '../compile-parser.ts'
import { locationEntries } from '../location-entries.ts'
import { type Coercer, createCoercer } from './create-coercer.ts'
import { isForbiddenKey } from './forbidden-keys.ts'
import { isSchema, type PipeItem, type SchemaNode, unwrapSchema } from './schema-node.ts'

/** The first `loc` element of each location, as FastAPI names them (`env`: settings). */
export type LocationName = 'path' | 'query' | 'header' | 'cookie' | 'body' | 'env'

/** How one declared field is read and coerced. */
export interface FieldPlan {
  readonly name: string
  /** Key in the raw source: the alias, else the header name for headers, else the field name. */
  readonly source: string
  /** The name issues report: the alias as written, else `source`. */
  readonly wire: string
  readonly array: boolean
  /** Splits a combined header value into items (array header fields). */
  readonly split: boolean
  readonly coerce: Coercer | undefined
  /** `v.metadata({ sensitive: true })`: issues never echo the value (credentials). */
  readonly sensitive: boolean
}

/** Everything known about one location before the first request. */
export interface LocationPlan {
  readonly loc: LocationName
  readonly schema: v.GenericSchema
  /** `schema` compiled (`compileParser`), when that is faster than `safeParse`. */
  readonly parse: CompiledParser | undefined
  readonly fields: readonly FieldPlan[]
  /**
   * Keys never collected as undeclared extras: the declared fields' source keys and their names
   * (a raw `strange_header` header is not the field `strange_header`, which reads
   * `strange-header`).
   */
  readonly sources: Readonly<Record<string, true>>
  /** Source keys to collect; `undefined` collects all (loose/strict/rest object schemas). */
  readonly wanted: Readonly<Record<string, true>> | undefined
  readonly order: Readonly<Record<string, number>>
  /** A repeated scalar is an error (query, form) or the first value wins (cookies). */
  readonly firstWins: boolean
  /** An empty string counts as not sent (form fields, like FastAPI). */
  readonly emptyIsMissing: boolean
}

/** How a location maps field names and treats repeats; chosen per location. */
export interface LocationSettings {
  readonly sourceKey?: (name: string) => string
  readonly split?: boolean
  readonly firstWins?: boolean
  readonly emptyIsMissing?: boolean
}

/** Whether a field (through its wrappers) carries `v.metadata({ sensitive: true })`. */
function isSensitive(field: SchemaNode): boolean {
  for (let node: SchemaNode | undefined = field; node; node = node.wrapped) {
    // `v.metadata` keeps its object in `metadata`; other pipe items have none.
    const pipe: readonly (PipeItem & { readonly metadata?: { readonly sensitive?: unknown } })[] =
      node.pipe ?? []
    if (pipe.some((item) => item.type === 'metadata' && item.metadata?.sensitive === true))
      return true
  }
  return false
}

const COLLECT_ALL = new Set(['loose_object', 'strict_object', 'object_with_rest'])

/**
 * Plans a string-sourced location (params, query, headers, cookies, form fields) from its spec:
 * builds the object schema once and a coercer per field. Throws on a spec that cannot work.
 */
export function planLocation(
  loc: LocationName,
  label: string,
  spec: unknown,
  settings: LocationSettings = {},
): LocationPlan {
  const entries = locationEntries(spec, `@brisk/validator: ${label}`)
  const schema = isSchema(spec) ? (spec as v.GenericSchema) : v.object(entries)
  const collectAll = isSchema(spec) && COLLECT_ALL.has(unwrapSchema(spec).base.type)
  const fields: FieldPlan[] = []
  const wanted: Record<string, true> = Object.create(null)
  const order: Record<string, number> = Object.create(null)
  const readBy: Record<string, string> = Object.create(null)
  for (const [name, field] of Object.entries(entries)) {
    const base = unwrapSchema(field).base
    const array = base.type === 'array'
    const wire = fieldAlias(field)
    if (wire !== undefined) checkAlias(loc, label, name, wire)
    // An alias is the name on the wire, taken literally; only header lookups fold case.
    const source =
      wire === undefined
        ? (settings.sourceKey?.(name) ?? name)
        : loc === 'header'
          ? wire.toLowerCase()
          : wire
    const other = readBy[source]
    if (other !== undefined && (wire !== undefined || fieldAlias(entries[other]!) !== undefined)) {
      throw new TypeError(
        `@brisk/validator: ${label}.${other} and ${label}.${name} both read '${source}'; give each its own name`,
      )
    }
    readBy[source] = name
    fields.push({
      name,
      source,
      wire: wire ?? source,
      array,
      split: array && settings.split === true,
      coerce: array ? base.item && createCoercer(base.item) : createCoercer(field),
      sensitive: isSensitive(field),
    })
    wanted[source] = true
    order[name] = fields.length - 1
  }
  const sources: Record<string, true> = Object.assign(Object.create(null), wanted)
  for (const field of fields) sources[field.name] = true
  return {
    loc,
    schema,
    parse: compileParser(schema),
    fields,
    sources,
    wanted: collectAll ? undefined : wanted,
    order,
    firstWins: settings.firstWins === true,
    emptyIsMissing: settings.emptyIsMissing === true,
  }
}

// RFC 9110 token characters: what a header name may be.
const HEADER_TOKEN = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/

function checkAlias(loc: LocationName, label: string, name: string, wire: string): void {
  if (wire.length === 0 || (loc === 'header' && !HEADER_TOKEN.test(wire))) {
    throw new TypeError(`@brisk/validator: ${label}.${name} has alias '${wire}', not a valid name`)
  }
  if (isForbiddenKey(wire)) {
    throw new TypeError(`@brisk/validator: ${label}.${name} has the reserved alias '${wire}'`)
  }
}

/**
 * `locationEntries`: the one place that decides whether a request location is declared as an object
 * of field schemas or an object schema, and returns its fields.
 */
import type * as v from 'valibot'
import { isForbiddenKey } from './internal/forbidden-keys.ts'
import { isSchema, unwrapSchema } from './internal/schema-node.ts'

/**
 * The field schemas of a location declared as an object of fields or as an object schema (piped
 * or wrapped as `createValidator` accepts); throws a `TypeError` starting with `label` when it is
 * neither. Accepts exactly what `createValidator` accepts for `params`, `query`, `headers` and
 * `cookies`: sync object schemas (also under pipes and optional/nullable wrappers) and plain
 * objects whose values are all sync Valibot schemas, with no reserved field names
 * (`__proto__`, `constructor`, `prototype`).
 *
 * @example
 * ```ts
 * import * as v from 'valibot'
 * import { locationEntries } from '@brisk/validator'
 *
 * Object.keys(locationEntries(v.object({ id: v.number() }), 'route GET /items/:id: params')) // ['id']
 * locationEntries({ page: v.number() }, 'query') // { page: v.number() }
 * locationEntries(v.string(), 'query') // throws TypeError: query must be an object schema or an object of field schemas
 * ```
 */
export function locationEntries(
  location: unknown,
  label: string,
): Readonly<Record<string, v.GenericSchema>> {
  let entries: Readonly<Record<string, unknown>>
  if (isSchema(location)) {
    const base = unwrapSchema(location).base
    if (base.entries === undefined) throw notALocation(label)
    if (location.async) throw new TypeError(`${label} uses an async schema; use sync schemas`)
    entries = base.entries
  } else if (typeof location === 'object' && location !== null && !Array.isArray(location)) {
    entries = location as Readonly<Record<string, unknown>>
  } else {
    throw notALocation(label)
  }
  for (const [name, field] of Object.entries(entries)) {
    if (!isSchema(field)) throw new TypeError(`${label}.${name} is not a Valibot schema`)
    if (isForbiddenKey(name))
      throw new TypeError(`${label}.${name} is a reserved name; pick another field name`)
    if (field.async) throw new TypeError(`${label}.${name} is an async schema; use sync schemas`)
  }
  return entries as Readonly<Record<string, v.GenericSchema>>
}

function notALocation(label: string): TypeError {
  return new TypeError(`${label} must be an object schema or an object of field schemas`)
}

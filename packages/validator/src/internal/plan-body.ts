import * as v from 'valibot'
import { type CompiledParser, compileParser } from '../compile-parser.ts'
import { locationEntries } from '../location-entries.ts'
import type { BodyType, InputSpec } from '../types.ts'
import { type BodyAliases, planBodyAliases } from './body-aliases.ts'
import { jsonBodySchema } from './json-body-schema.ts'
import { type LocationPlan, planLocation } from './plan-location.ts'
import { acceptsUndefined, isSchema } from './schema-node.ts'

/** Everything known about the body before the first request. */
export interface BodyPlan {
  readonly bodyType: BodyType
  /**
   * The schema the body is validated with (field schemas wrapped in `v.object`; for JSON, as
   * `jsonBodySchema` adapts it).
   */
  readonly schema: v.GenericSchema
  /** `schema` compiled (`compileParser`), when that is faster than `safeParse`. */
  readonly parse: CompiledParser | undefined
  /** No body at all is fine: the schema accepts `undefined` (e.g. `v.optional(...)`). */
  readonly optional: boolean
  /** Field plan for form bodies; `undefined` for JSON. */
  readonly form: LocationPlan | undefined
  /** A JSON body's aliases (wire keys ↔ handler keys); `undefined` when it has none. */
  readonly aliases: BodyAliases | undefined
}

const BODY_TYPES: readonly BodyType[] = ['json', 'form', 'multipart']

/** Plans the body of a spec, or returns `undefined` when no body is declared. */
export function planBody(spec: InputSpec): BodyPlan | undefined {
  const bodyType = spec.bodyType ?? 'json'
  if (!BODY_TYPES.includes(bodyType)) {
    throw new TypeError(
      `@brisk/validator: bodyType must be 'json', 'form' or 'multipart', got ${String(bodyType)}`,
    )
  }
  const body = spec.body
  if (body === undefined) {
    if (spec.bodyType !== undefined) {
      throw new TypeError('@brisk/validator: bodyType is set but no body schema is declared')
    }
    return undefined
  }
  let schema: v.GenericSchema
  if (isSchema(body)) {
    schema = body as v.GenericSchema
  } else if (typeof body === 'object' && body !== null && !Array.isArray(body)) {
    schema = v.object(locationEntries(body, '@brisk/validator: body'))
  } else {
    throw new TypeError('@brisk/validator: body must be a Valibot schema or an object of fields')
  }
  if (schema.async)
    throw new TypeError('@brisk/validator: body uses an async schema; use sync schemas')
  const optional = acceptsUndefined(schema)
  if (bodyType === 'json') {
    // Validated as pydantic validates parsed JSON: objects refuse arrays, record keys coerce.
    const json = jsonBodySchema(schema)
    const aliases = planBodyAliases(schema, 'body')
    return {
      bodyType,
      schema: json,
      parse: compileParser(json),
      optional,
      form: undefined,
      aliases,
    }
  }
  const form = planLocation('body', 'body', schema, { emptyIsMissing: true })
  return { bodyType, schema, parse: compileParser(schema), optional, form, aliases: undefined }
}

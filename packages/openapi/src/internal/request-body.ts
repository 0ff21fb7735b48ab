import type { InputSpec } from '@brisk/validator'
import type * as v from 'valibot'
import type { JsonSchema, RequestBodyObject } from '../types.ts'
import { asObjectSchema } from './parameters.ts'
import type { TypeMode } from './schema-converter.ts'

type Convert = (schema: v.GenericSchema, mode: TypeMode) => JsonSchema

const OPTIONAL = new Set(['optional', 'nullish', 'undefinedable', 'exact_optional'])

/** What the validator accepts for each `bodyType` (`form` reads either encoding). */
const MEDIA_TYPES = {
  json: ['application/json'],
  form: ['application/x-www-form-urlencoded', 'multipart/form-data'],
  multipart: ['multipart/form-data'],
} as const

/**
 * A body the handler reads itself is documented in the one encoding each `bodyType` names: `form`
 * is `application/x-www-form-urlencoded` (an OAuth2 token endpoint accepts nothing else).
 */
const DOCUMENTED_MEDIA_TYPES = {
  json: ['application/json'],
  form: ['application/x-www-form-urlencoded'],
  multipart: ['multipart/form-data'],
} as const

/**
 * The request body in each media type the server accepts for it: the validated body, else one the
 * handler reads itself and documents (`requestBody` on the route).
 */
export function requestBodyOf(
  inputs: InputSpec,
  convert: Convert,
  documented?: { readonly schema: v.GenericSchema; readonly bodyType?: InputSpec['bodyType'] },
): RequestBodyObject | undefined {
  const declared = inputs.body ?? documented?.schema
  if (!declared) return undefined
  const mediaTypes = inputs.body
    ? MEDIA_TYPES[inputs.bodyType ?? 'json']
    : DOCUMENTED_MEDIA_TYPES[documented?.bodyType ?? 'json']
  const schema = asObjectSchema(declared)
  const json = convert(schema, 'input')
  const content: RequestBodyObject['content'] = {}
  for (const mediaType of mediaTypes) content[mediaType] = { schema: json }
  return { required: !OPTIONAL.has(schema.type), content }
}

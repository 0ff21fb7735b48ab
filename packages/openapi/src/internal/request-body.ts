import type { InputSpec } from '@brisk/validator'
import type * as v from 'valibot'
import type { JsonSchema, RequestBodyObject } from '../types.ts'
import { asObjectSchema } from './parameters.ts'
import type { TypeMode } from './schema-converter.ts'

type Convert = (schema: v.GenericSchema, mode: TypeMode) => JsonSchema

const OPTIONAL = new Set(['optional', 'nullish', 'undefinedable', 'exact_optional'])

const MEDIA_TYPES = {
  json: ['application/json'],
  form: ['application/x-www-form-urlencoded', 'multipart/form-data'],
  multipart: ['multipart/form-data'],
} as const

/** The request body in each media type the server accepts for it. */
export function requestBodyOf(inputs: InputSpec, convert: Convert): RequestBodyObject | undefined {
  if (!inputs.body) return undefined
  const schema = asObjectSchema(inputs.body)
  const json = convert(schema, 'input')
  const content: RequestBodyObject['content'] = {}
  for (const mediaType of MEDIA_TYPES[inputs.bodyType ?? 'json'])
    content[mediaType] = { schema: json }
  return { required: !OPTIONAL.has(schema.type), content }
}

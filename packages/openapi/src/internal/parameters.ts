import {
  fieldAlias,
  headerName,
  type InputSpec,
  type LocationSpec,
  locationEntries,
} from '@brisk/validator'
import * as v from 'valibot'
import type { JsonSchema, ParameterObject } from '../types.ts'
import type { TypeMode } from './schema-converter.ts'

type Convert = (schema: v.GenericSchema, mode: TypeMode) => JsonSchema

const LOCATIONS = [
  ['params', 'path'],
  ['query', 'query'],
  ['headers', 'header'],
  ['cookies', 'cookie'],
] as const

/** A location as one object schema, whichever way it was declared. */
export function asObjectSchema(location: LocationSpec | v.GenericSchema): v.GenericSchema {
  return 'kind' in location && location.kind === 'schema'
    ? (location as v.GenericSchema)
    : v.object(locationEntries(location, 'a location'))
}

/**
 * Path, query, header and cookie parameters, from the operation's inputs (its own and its
 * dependencies'; credentials are not among them: the security schemes document those).
 */
export function parametersOf(inputs: InputSpec, convert: Convert): ParameterObject[] {
  const parameters: ParameterObject[] = []
  for (const [key, where] of LOCATIONS) {
    const location = inputs[key]
    if (!location) continue
    const json = convert(asObjectSchema(location), 'input')
    const properties = (json.properties ?? {}) as Record<string, JsonSchema>
    const required = new Set((json.required ?? []) as string[])
    // Aliased fields' properties are already under their alias, the name taken as written (a
    // header alias is not mapped from `_` to `-`, as the validator reads it).
    const aliases = new Set(
      Object.values(locationEntries(location, 'a location')).flatMap((f) => fieldAlias(f) ?? []),
    )
    for (const [field, schema] of Object.entries(properties)) {
      const { description, deprecated, examples, ...rest } = schema
      const parameter: ParameterObject = {
        name: where === 'header' && !aliases.has(field) ? headerName(field) : field,
        in: where,
        required: where === 'path' || required.has(field),
        schema: rest,
      }
      if (typeof description === 'string') parameter.description = description
      if (deprecated === true) parameter.deprecated = true
      if (Array.isArray(examples) && examples.length > 0) parameter.example = examples[0]
      if (where === 'query' && rest.type === 'array') {
        parameter.style = 'form'
        parameter.explode = true
      }
      parameters.push(parameter)
    }
  }
  return parameters
}

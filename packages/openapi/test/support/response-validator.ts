/** Validates response bodies against a document's schemas with ajv (JSON Schema 2020-12). */
import Ajv2020, { type ValidateFunction } from 'ajv/dist/2020'
import type { JsonSchema, OpenAPIDocument } from '../../src/types.ts'
import { FORMAT_CHECKS } from './formats.ts'

/** The schema with every object closed: keys it does not declare fail (`unevaluatedProperties`). */
function closed(schema: unknown): unknown {
  if (Array.isArray(schema)) return schema.map(closed)
  if (typeof schema !== 'object' || schema === null) return schema
  const copy = Object.fromEntries(
    Object.entries(schema).map(([key, value]) => [key, closed(value)]),
  )
  if ('properties' in copy && !('additionalProperties' in copy)) copy.unevaluatedProperties = false
  return copy
}

export interface ResponseValidator {
  /** The ajv errors of `body` against `schema` (`$ref`s into the document resolve), or `[]`. */
  errors(schema: JsonSchema, body: unknown, options?: { closed?: boolean }): unknown[]
}

export function createResponseValidator(document: OpenAPIDocument): ResponseValidator {
  const ajv = new Ajv2020({ allErrors: true, strict: false })
  for (const [name, check] of Object.entries(FORMAT_CHECKS)) ajv.addFormat(name, check)
  const compiled = new Map<string, ValidateFunction>()
  const validatorOf = (schema: JsonSchema, close: boolean) => {
    const key = `${close}:${JSON.stringify(schema)}`
    let validate = compiled.get(key)
    if (!validate) {
      // The document's components ride along so `#/components/schemas/…` resolves in place.
      const root = { ...schema, components: document.components }
      validate = ajv.compile((close ? closed(root) : root) as JsonSchema)
      compiled.set(key, validate)
    }
    return validate
  }
  return {
    errors(schema, body, options = {}) {
      const validate = validatorOf(schema, options.closed === true)
      return validate(body) ? [] : [...(validate.errors ?? [])]
    },
  }
}

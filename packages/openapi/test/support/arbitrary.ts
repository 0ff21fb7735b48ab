/**
 * JSON Schema → fast-check arbitrary, for the subset `createDocument` emits. Every constraint is
 * honoured or the converter throws: a keyword it does not know is never silently dropped.
 */
import fc from 'fast-check'
import type { JsonSchema } from '../../src/types.ts'
import { FORMAT_ARBITRARIES } from './formats.ts'

export interface ArbitraryContext {
  /** `components.schemas`, for `#/components/schemas/Name` references. */
  readonly components: Readonly<Record<string, JsonSchema>>
  /** One character of a free string (default: any Unicode code point). */
  readonly char?: fc.Arbitrary<string>
}

const ANNOTATIONS = new Set(['title', 'description', 'default', 'examples', 'deprecated'])
const KNOWN = new Set([
  ...ANNOTATIONS,
  ...['$ref', 'type', 'const', 'enum', 'anyOf', 'oneOf', 'format', 'pattern'],
  ...['minLength', 'maxLength', 'minimum', 'maximum', 'exclusiveMinimum', 'exclusiveMaximum'],
  ...['items', 'minItems', 'maxItems', 'properties', 'required', 'additionalProperties'],
])
const REF = '#/components/schemas/'
/** Arrays without `maxItems` stay short: requests, not stress tests. */
const DEFAULT_MAX_ITEMS = 4

/** The schema a `$ref` points at (one level), or the schema itself. */
export function resolveRef(schema: JsonSchema, context: ArbitraryContext): JsonSchema {
  const ref = schema.$ref
  if (typeof ref !== 'string') return schema
  const target = ref.startsWith(REF) ? context.components[ref.slice(REF.length)] : undefined
  if (!target) throw new Error(`Unresolvable $ref ${ref}`)
  return target
}

/** Values valid against `schema`, drawn from everything the schema allows. */
export function arbitraryOf(schema: JsonSchema, context: ArbitraryContext): fc.Arbitrary<unknown> {
  const unknown = Object.keys(schema).filter((key) => !KNOWN.has(key))
  if (unknown.length > 0) throw new Error(`Unsupported keywords ${unknown.join(', ')}`)
  if (schema.$ref !== undefined) return arbitraryOf(resolveRef(schema, context), context)
  if ('const' in schema) return fc.constant(schema.const)
  if (Array.isArray(schema.enum)) return fc.constantFrom(...(schema.enum as unknown[]))
  const union = (schema.anyOf ?? schema.oneOf) as JsonSchema[] | undefined
  if (union) return fc.oneof(...union.map((option) => arbitraryOf(option, context)))
  const types = schema.type
  if (Array.isArray(types)) {
    return fc.oneof(...types.map((type) => arbitraryOf({ ...schema, type }, context)))
  }
  switch (types) {
    case 'string':
      return stringOf(schema, context)
    case 'number':
      return numberOf(schema)
    case 'integer':
      return integerOf(schema)
    case 'boolean':
      return fc.boolean()
    case 'null':
      return fc.constant(null)
    case 'array':
      return fc.array(arbitraryOf((schema.items ?? {}) as JsonSchema, context), {
        minLength: (schema.minItems as number | undefined) ?? 0,
        maxLength: (schema.maxItems as number | undefined) ?? DEFAULT_MAX_ITEMS,
      })
    case 'object':
      return objectOf(schema, context)
    case undefined:
      // `{}`: anything JSON can carry.
      return fc.jsonValue()
    default:
      throw new Error(`Unsupported type ${String(types)}`)
  }
}

/** Length in characters, as JSON Schema counts them: Unicode code points. */
export const codePoints = (text: string) => [...text].length

/**
 * One character of the Basic Multilingual Plane. Valibot counts string lengths in UTF-16 code
 * units (JavaScript's `length`), JSON Schema in code points; they agree except for characters
 * beyond the BMP, where the server is stricter — a limitation the package README documents.
 */
const bmpChar = fc
  .integer({ min: 0, max: 0xffff })
  .filter((code) => code < 0xd800 || code > 0xdfff)
  .map((code) => String.fromCharCode(code))

function stringOf(schema: JsonSchema, context: ArbitraryContext): fc.Arbitrary<string> {
  const minLength = (schema.minLength as number | undefined) ?? 0
  const maxLength = schema.maxLength as number | undefined
  const inRange = (text: string) =>
    codePoints(text) >= minLength && (maxLength === undefined || codePoints(text) <= maxLength)
  if (typeof schema.format === 'string') {
    const format = FORMAT_ARBITRARIES[schema.format]
    if (!format) throw new Error(`Unsupported format ${schema.format}`)
    return format.filter(inRange)
  }
  if (typeof schema.pattern === 'string') {
    return fc.stringMatching(new RegExp(schema.pattern, 'u')).filter(inRange)
  }
  return fc.string({
    unit: context.char ?? bmpChar,
    minLength,
    ...(maxLength === undefined ? {} : { maxLength }),
  })
}

function numberOf(schema: JsonSchema): fc.Arbitrary<number> {
  const { minimum, maximum, exclusiveMinimum, exclusiveMaximum } = schema as Record<string, number>
  return fc.double({
    noNaN: true,
    noDefaultInfinity: true,
    ...(exclusiveMinimum === undefined
      ? minimum === undefined
        ? {}
        : { min: minimum }
      : { min: exclusiveMinimum, minExcluded: true }),
    ...(exclusiveMaximum === undefined
      ? maximum === undefined
        ? {}
        : { max: maximum }
      : { max: exclusiveMaximum, maxExcluded: true }),
  })
}

function integerOf(schema: JsonSchema): fc.Arbitrary<number> {
  const { minimum, maximum, exclusiveMinimum, exclusiveMaximum } = schema as Record<string, number>
  // Integers past 2^53 are not interoperable in JSON (RFC 8259 §6): the safe range is the domain.
  const min = Math.max(
    exclusiveMinimum === undefined
      ? Math.ceil(minimum ?? -Infinity)
      : Math.floor(exclusiveMinimum) + 1,
    Number.MIN_SAFE_INTEGER,
  )
  const max = Math.min(
    exclusiveMaximum === undefined
      ? Math.floor(maximum ?? Infinity)
      : Math.ceil(exclusiveMaximum) - 1,
    Number.MAX_SAFE_INTEGER,
  )
  return fc.bigInt({ min: BigInt(min), max: BigInt(max) }).map(Number)
}

function objectOf(schema: JsonSchema, context: ArbitraryContext): fc.Arbitrary<unknown> {
  const properties = (schema.properties ?? {}) as Record<string, JsonSchema>
  const required = (schema.required ?? []) as string[]
  const model: Record<string, fc.Arbitrary<unknown>> = {}
  for (const [name, property] of Object.entries(properties)) {
    model[name] = arbitraryOf(property, context)
  }
  return fc.record(model, { requiredKeys: required })
}

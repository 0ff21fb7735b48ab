/**
 * Values that break one documented constraint of an operation — a bound, a length, an enum — each
 * with the `loc` the server must name when it rejects them.
 */
import fc from 'fast-check'
import type { JsonSchema, OperationObject } from '../../src/types.ts'
import { type ArbitraryContext, resolveRef } from './arbitrary.ts'
import { bodySchemaOf, type RequestValues } from './requests.ts'

export interface Violation {
  /** Where the server must say the problem is: `[location, name]`. */
  readonly loc: readonly (string | number)[]
  readonly value: fc.Arbitrary<unknown>
  readonly apply: (values: RequestValues, value: unknown) => RequestValues
}

// ASCII, so a length means the same to every counter (code points, UTF-16 units, bytes).
const ASCII = fc.integer({ min: 0x61, max: 0x7a }).map((code) => String.fromCharCode(code))
const SPAN = 1000

/** Values breaking one constraint of `schema`, or `undefined` when it has none we can break. */
export function breaking(schema: JsonSchema): fc.Arbitrary<unknown> | undefined {
  const { type, minimum, maximum, exclusiveMinimum, exclusiveMaximum, minLength, maxLength } =
    schema as Record<string, number | string | undefined>
  const options: fc.Arbitrary<unknown>[] = []
  if (type === 'integer') {
    const min =
      exclusiveMinimum === undefined ? minimum : Math.floor(exclusiveMinimum as number) + 1
    const max = exclusiveMaximum === undefined ? maximum : Math.ceil(exclusiveMaximum as number) - 1
    if (typeof min === 'number') options.push(fc.integer({ min: min - SPAN, max: min - 1 }))
    if (typeof max === 'number') options.push(fc.integer({ min: max + 1, max: max + SPAN }))
    options.push(fc.integer().map((whole) => whole + 0.5))
  }
  if (type === 'number') {
    // fast-check treats -0 and 0 as distinct bounds, but JSON (and every comparison) does not.
    const below = (bound: number, excluded: boolean) =>
      fc
        .double({ min: bound - SPAN, max: bound, maxExcluded: excluded, noNaN: true })
        .filter((value) => (excluded ? value < bound : value <= bound))
    const above = (bound: number, excluded: boolean) =>
      fc
        .double({ min: bound, max: bound + SPAN, minExcluded: excluded, noNaN: true })
        .filter((value) => (excluded ? value > bound : value >= bound))
    if (typeof exclusiveMinimum === 'number') options.push(below(exclusiveMinimum, false))
    else if (typeof minimum === 'number') options.push(below(minimum, true))
    if (typeof exclusiveMaximum === 'number') options.push(above(exclusiveMaximum, false))
    else if (typeof maximum === 'number') options.push(above(maximum, true))
  }
  if (type === 'string' && typeof maxLength === 'number') {
    options.push(fc.string({ unit: ASCII, minLength: maxLength + 1, maxLength: maxLength + 10 }))
  }
  if (type === 'string' && typeof minLength === 'number' && minLength > 0) {
    options.push(fc.string({ unit: ASCII, maxLength: minLength - 1 }))
  }
  if (Array.isArray(schema.enum)) {
    const allowed = schema.enum as unknown[]
    options.push(fc.string({ unit: ASCII, minLength: 1 }).filter((text) => !allowed.includes(text)))
  }
  return options.length > 0 ? fc.oneof(...options) : undefined
}

export function violationsOf(operation: OperationObject, context: ArbitraryContext): Violation[] {
  const violations: Violation[] = []
  for (const parameter of operation.parameters ?? []) {
    const value = breaking(resolveRef(parameter.schema, context))
    const key = `${parameter.in}:${parameter.name}`
    if (!value) continue
    violations.push({
      loc: [parameter.in, parameter.name],
      value,
      apply: (values, broken) => ({
        ...values,
        parameters: { ...values.parameters, [key]: broken },
      }),
    })
  }
  const body = bodySchemaOf(operation)
  const properties = (body ? resolveRef(body, context).properties : undefined) as
    | Record<string, JsonSchema>
    | undefined
  for (const [name, schema] of Object.entries(properties ?? {})) {
    const value = breaking(resolveRef(schema, context))
    if (!value) continue
    violations.push({
      loc: ['body', name],
      value,
      apply: (values, broken) => ({
        ...values,
        body: { ...(values.body as object), [name]: broken },
      }),
    })
  }
  return violations
}

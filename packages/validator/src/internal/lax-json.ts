/**
 * Pydantic's lax mode for JSON bodies, as an option: before validation, a JSON value is coerced
 * toward its schema where pydantic would — numeric strings to numbers (`"50.5"` → 50.5, `" 7 "`
 * and `"1.0"` to an integer 7 and 1), booleans from `true/false/t/f/yes/no/y/n/on/off/1/0` and
 * from 0 and 1, booleans to numbers, option strings to the number or boolean options of a
 * picklist, and arrays to the `Set` a `v.set()` schema wants (duplicates dropped). A string that
 * does not parse stays as it was and is recorded, so its issue says `float_parsing` (or
 * `int_parsing`, `bool_parsing`) rather than a type mismatch. Planned once per schema.
 */

import type { ValidationIssue } from '../types.ts'
import { type CoercionFailure, FAILURES } from './coercion-failure.ts'
import { type SchemaNode, unwrapSchema } from './schema-node.ts'

/** A value that could not be coerced: where (keys below the body) and why. */
export interface LaxFailure {
  readonly path: readonly (string | number)[]
  readonly failure: CoercionFailure
}

/** Coerces `value` (at `path`) toward the schema; failures are pushed, never thrown. */
export type LaxCoercion = (
  value: unknown,
  failures: LaxFailure[],
  path: readonly (string | number)[],
) => unknown

const FLOAT = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/
// pydantic takes an integer written with a zero fraction (`"1.0"`, `"7.00"`).
const INTEGER = /^[+-]?\d+(?:\.0*)?$/

const BOOLEANS: Readonly<Record<string, boolean>> = Object.assign(Object.create(null), {
  true: true,
  false: false,
  t: true,
  f: false,
  yes: true,
  no: false,
  y: true,
  n: false,
  on: true,
  off: false,
  '1': true,
  '0': false,
})

function toNumber(integer: boolean): LaxCoercion {
  const failure = integer ? FAILURES.int : FAILURES.float
  const grammar = integer ? INTEGER : FLOAT
  return (value, failures, path) => {
    if (typeof value === 'boolean') return value ? 1 : 0
    if (typeof value !== 'string') return value
    const text = value.trim()
    const number = grammar.test(text) ? Number(text) : Number.NaN
    if (Number.isFinite(number)) return number
    failures.push({ path, failure })
    return value
  }
}

const toBoolean: LaxCoercion = (value, failures, path) => {
  if (value === 0 || value === 1) return value === 1
  if (typeof value !== 'string') return value
  const known = BOOLEANS[value.trim().toLowerCase()]
  if (known !== undefined) return known
  failures.push({ path, failure: FAILURES.bool })
  return value
}

/** A string naming a number or boolean option becomes that option; others stay for Valibot. */
function toOption(options: readonly unknown[]): LaxCoercion | undefined {
  const byText = new Map<string, unknown>()
  for (const option of options) {
    if (typeof option === 'number' || typeof option === 'boolean') {
      if (!byText.has(String(option))) byText.set(String(option), option)
    }
  }
  if (byText.size === 0) return undefined
  return (value) => (typeof value === 'string' ? (byText.get(value.trim()) ?? value) : value)
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value)

/** Plans made, per schema node; a node being planned maps to a forwarder (recursive schemas). */
const plans = new WeakMap<SchemaNode, LaxCoercion | undefined>()

/**
 * The lax coercion of `schema`, or `undefined` when nothing in it would coerce (then the body is
 * validated as sent, at no cost).
 */
export function planLax(schema: SchemaNode): LaxCoercion | undefined {
  if (plans.has(schema)) return plans.get(schema)
  let planned: LaxCoercion | undefined
  // Until planned, a reference back to this node (a recursive schema) forwards to the plan.
  plans.set(schema, (value, failures, path) => planned?.(value, failures, path) ?? value)
  planned = planNode(schema)
  plans.set(schema, planned)
  return planned
}

/** A pipe carries its first schema's type and fields, so it is planned as that schema. */
function planNode(schema: SchemaNode): LaxCoercion | undefined {
  const { base, integer } = unwrapSchema(schema)
  const inner = planBase(base, integer)
  if (inner === undefined || base === schema) return inner
  // Through wrappers (optional, nullable, nullish…) null and undefined stay as they are.
  return (value, failures, path) =>
    value === null || value === undefined ? value : inner(value, failures, path)
}

function planBase(base: SchemaNode, integer: boolean): LaxCoercion | undefined {
  switch (base.type) {
    case 'number':
      return toNumber(integer)
    case 'boolean':
      return toBoolean
    case 'picklist':
    case 'enum':
      return toOption(base.options ?? [])
    case 'literal':
      return toOption([base.literal])
    case 'array':
      return base.item === undefined ? undefined : planItems(planLax(base.item))
    case 'set':
      return planSet(base.value === undefined ? undefined : planLax(base.value))
    case 'tuple':
    case 'loose_tuple':
    case 'strict_tuple':
    case 'tuple_with_rest':
      return planTuple(base)
    case 'record':
      return base.value === undefined ? undefined : planValues(planLax(base.value))
    case 'object':
    case 'loose_object':
    case 'strict_object':
    case 'object_with_rest':
      return planEntries(base)
    case 'union':
      return planUnion((base.options ?? []) as SchemaNode[])
    case 'lazy':
      return base.getter === undefined ? undefined : planLazy(base.getter)
    default:
      return undefined
  }
}

function planItems(item: LaxCoercion | undefined): LaxCoercion | undefined {
  if (item === undefined) return undefined
  return (value, failures, path) =>
    Array.isArray(value)
      ? value.map((entry, index) => item(entry, failures, [...path, index]))
      : value
}

/** JSON has no sets: an array for a `v.set()` becomes one, its items coerced, duplicates dropped. */
function planSet(item: LaxCoercion | undefined): LaxCoercion {
  return (value, failures, path) => {
    if (!Array.isArray(value)) return value
    const before = failures.length
    const items = item
      ? value.map((entry, index) => item(entry, failures, [...path, index]))
      : value
    // A failed item keeps the array, so its issue names its index.
    return failures.length > before ? items : new Set(items)
  }
}

function planTuple(base: SchemaNode): LaxCoercion | undefined {
  const items = (base.items ?? []).map((item) => planLax(item))
  const rest = base.rest === undefined ? undefined : planLax(base.rest)
  if (rest === undefined && items.every((item) => item === undefined)) return undefined
  return (value, failures, path) => {
    if (!Array.isArray(value)) return value
    return value.map((entry, index) => {
      const plan = index < items.length ? items[index] : rest
      return plan ? plan(entry, failures, [...path, index]) : entry
    })
  }
}

function planValues(valuePlan: LaxCoercion | undefined): LaxCoercion | undefined {
  if (valuePlan === undefined) return undefined
  return (value, failures, path) => {
    if (!isRecord(value)) return value
    const out: Record<string, unknown> = {}
    for (const key of Object.keys(value)) {
      out[key] = valuePlan(value[key], failures, [...path, key])
    }
    return out
  }
}

function planEntries(base: SchemaNode): LaxCoercion | undefined {
  const entries = Object.entries(base.entries ?? {}).flatMap(([key, entry]) => {
    const plan = planLax(entry)
    return plan ? [[key, plan] as const] : []
  })
  const rest = base.rest === undefined ? undefined : planLax(base.rest)
  if (entries.length === 0 && rest === undefined) return undefined
  const declared = new Set(Object.keys(base.entries ?? {}))
  return (value, failures, path) => {
    if (!isRecord(value)) return value
    const out: Record<string, unknown> = { ...value }
    for (const [key, plan] of entries) {
      if (Object.hasOwn(value, key)) out[key] = plan(value[key], failures, [...path, key])
    }
    if (rest) {
      for (const key of Object.keys(value)) {
        if (!declared.has(key)) out[key] = rest(value[key], failures, [...path, key])
      }
    }
    return out
  }
}

/**
 * A union takes the value as sent when an option does; else the first option whose coercion
 * succeeds. Failures inside the options are not reported (the union's own issue is).
 */
function planUnion(options: readonly SchemaNode[]): LaxCoercion | undefined {
  const plans = options.map((option) => planLax(option))
  if (plans.every((plan) => plan === undefined)) return undefined
  return (value) => {
    // As pydantic's smart mode: an exact match wins (`"5"` stays a string for `string | number`).
    if (options.some((option) => accepts(option, value))) return value
    for (const plan of plans) {
      if (plan === undefined) continue
      const tried: LaxFailure[] = []
      const coerced = plan(value, tried, [])
      if (tried.length === 0 && coerced !== value) return coerced
    }
    return value
  }
}

function planLazy(getter: (input: unknown) => SchemaNode): LaxCoercion {
  return (value, failures, path) => {
    const plan = planLax(getter(value))
    return plan ? plan(value, failures, path) : value
  }
}

const QUICK = { abortEarly: true } as const

function accepts(option: SchemaNode, value: unknown): boolean {
  return option['~run']({ value }, QUICK).issues === undefined
}

/**
 * Names what a string that lax mode could not coerce is: the type issue Valibot gave at its place
 * becomes `float_parsing` (or `int_parsing`, `bool_parsing`), its `input` still the string sent.
 */
export function relabel(
  issues: ValidationIssue[],
  start: number,
  failures: readonly LaxFailure[],
): void {
  const byPath = new Map(failures.map((entry) => [JSON.stringify(entry.path), entry.failure]))
  for (let index = start; index < issues.length; index++) {
    const issue = issues[index]!
    const failure = byPath.get(JSON.stringify(issue.loc.slice(1)))
    if (failure === undefined) continue
    issue.type = failure.type
    issue.msg = failure.msg
    delete issue.ctx
  }
}

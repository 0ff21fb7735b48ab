import type { ValidationIssue } from '../types.ts'
import { CoercionFailure } from './coercion-failure.ts'
import type { FieldPlan, LocationPlan } from './plan-location.ts'
import type { RawValue } from './raw-values.ts'
import { truncateInput } from './truncate-input.ts'

function coerceOne(
  field: FieldPlan,
  value: string | File,
  loc: (string | number)[],
  issues: ValidationIssue[],
): unknown {
  if (field.coerce === undefined || typeof value !== 'string') return value
  const coerced = field.coerce(value)
  if (!(coerced instanceof CoercionFailure)) return coerced
  issues.push({ type: coerced.type, loc, msg: coerced.msg, input: truncateInput(value) })
  // Keep the raw value so Valibot does not also report the field as missing.
  return value
}

function coerceArray(
  plan: LocationPlan,
  field: FieldPlan,
  value: RawValue,
  issues: ValidationIssue[],
): unknown[] {
  const items = Array.isArray(value) ? value : field.split ? splitHeader(value) : [value]
  if (field.coerce === undefined) return items
  const result = new Array<unknown>(items.length)
  for (let index = 0; index < items.length; index++) {
    result[index] = coerceOne(field, items[index]!, [plan.loc, field.name, index], issues)
  }
  return result
}

/** A combined header value's items (`a, b` is `a` and `b`). */
export function splitHeader(value: string | File): (string | File)[] {
  if (typeof value !== 'string') return [value]
  return value.split(',').map((item) => item.trim())
}

/**
 * Coerces the raw strings of one location into the declared types. Coercion failures are pushed
 * to `issues`; the raw value stays in place so the schema does not report the field again.
 * Undeclared keys are copied only when the plan collects all keys (loose/strict objects).
 */
export function coerceRecord(
  plan: LocationPlan,
  raw: Readonly<Record<string, RawValue>> | undefined,
  issues: ValidationIssue[],
): Record<string, unknown> {
  // Plain object: field names are checked at planning and extras come from a filtered record.
  const out: Record<string, unknown> = {}
  if (raw === undefined) return out
  if (plan.wanted === undefined) {
    const declared = plan.sources
    for (const key in raw) {
      if (!(key in declared) && Object.hasOwn(raw, key)) out[key] = raw[key]
    }
  }
  for (const field of plan.fields) {
    let value = raw[field.source]
    if (value === undefined || !Object.hasOwn(raw, field.source)) continue
    if (plan.emptyIsMissing && value === '') continue
    if (field.array) {
      out[field.name] = coerceArray(plan, field, value, issues)
      continue
    }
    if (Array.isArray(value)) {
      if (!plan.firstWins) {
        issues.push({
          type: 'multiple_values',
          loc: [plan.loc, field.name],
          msg: `Expected a single value, got ${value.length}`,
          input: truncateInput(value),
        })
        out[field.name] = value
        continue
      }
      value = value[0]!
    }
    out[field.name] = coerceOne(field, value, [plan.loc, field.name], issues)
  }
  return out
}

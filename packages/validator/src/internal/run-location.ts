import * as v from 'valibot'
import { INVALID } from '../compile-parser.ts'
import type { ValidationIssue } from '../types.ts'
import { coerceRecord } from './coerce-record.ts'
import { mapIssue } from './map-issue.ts'
import type { LocationPlan } from './plan-location.ts'
import { useRawInputs } from './raw-inputs.ts'
import type { RawValue } from './raw-values.ts'

/**
 * Pushes Valibot's issues for one location, mapped and capped at `maxIssues`. Issues under a key
 * in `skip` are dropped (a coercion issue already explains them); `json` maps them as a JSON
 * body's (`mapIssue`).
 */
export function pushSchemaIssues(
  found: readonly v.BaseIssue<unknown>[],
  location: string,
  root: v.GenericSchema,
  issues: ValidationIssue[],
  maxIssues: number,
  skip?: ReadonlySet<unknown>,
  json = false,
): void {
  for (const issue of found) {
    if (issues.length >= maxIssues) return
    if (skip?.has(issue.path?.[0]?.key)) continue
    issues.push(mapIssue(issue, location, root, json))
  }
}

/**
 * Coerces and validates one string-sourced location. Returns the schema's output, or `undefined`
 * after pushing issues (ordered by field declaration within the location).
 */
export function runLocation(
  plan: LocationPlan,
  raw: Readonly<Record<string, RawValue>> | undefined,
  issues: ValidationIssue[],
  maxIssues: number,
): unknown {
  const start = issues.length
  const input = coerceRecord(plan, raw, issues)
  if (plan.parse && issues.length === start) {
    const output = plan.parse(input)
    if (output !== INVALID) return output
  }
  // Invalid (or not compiled): Valibot's own run names the issues.
  const result = v.safeParse(plan.schema, input)
  if (result.success && issues.length === start) return result.output
  const coerced = issues.length - start
  if (!result.success) {
    const skip = coerced > 0 ? new Set(issues.slice(start).map((issue) => issue.loc[1])) : undefined
    pushSchemaIssues(result.issues, plan.loc, plan.schema, issues, maxIssues, skip)
    if (coerced > 0 && issues.length > start + coerced) sortByField(issues, start, plan.order)
  }
  if (issues.length > maxIssues) issues.length = maxIssues
  useRawInputs(issues, start, plan, raw)
  redactSensitive(issues, start, plan)
  nameFields(issues, start, plan)
  return undefined
}

/** Issues about a sensitive field (a credential) say where and what, never the value. */
function redactSensitive(issues: ValidationIssue[], start: number, plan: LocationPlan): void {
  for (let index = start; index < issues.length; index++) {
    const issue = issues[index]!
    if (plan.fields[plan.order[issue.loc[1] as string] ?? -1]?.sensitive) issue.input = null
  }
}

/**
 * Issues name a field as it is sent, as FastAPI does: its alias, or for a header the header
 * (`x-token`, not the field `x_token`).
 */
function nameFields(issues: ValidationIssue[], start: number, plan: LocationPlan): void {
  for (let index = start; index < issues.length; index++) {
    const loc = issues[index]!.loc
    const field = plan.fields[plan.order[loc[1] as string] ?? -1]
    if (field) loc[1] = field.wire
  }
}

function sortByField(
  issues: ValidationIssue[],
  start: number,
  order: Readonly<Record<string, number>>,
): void {
  const rank = (issue: ValidationIssue) => order[issue.loc[1] as string] ?? Number.MAX_SAFE_INTEGER
  const sorted = issues.slice(start).sort((a, b) => rank(a) - rank(b))
  issues.splice(start, sorted.length, ...sorted)
}

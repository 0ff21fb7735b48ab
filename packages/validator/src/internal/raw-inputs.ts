import type { ValidationIssue } from '../types.ts'
import { splitHeader } from './coerce-record.ts'
import type { FieldPlan, LocationPlan } from './plan-location.ts'
import type { RawValue } from './raw-values.ts'
import { truncateInput } from './truncate-input.ts'

/**
 * Gives the issues of one string-sourced location the value as it was sent, as FastAPI does:
 * `"-1"` for `ge=0`, not the number it was coerced to. An issue about a field is given the field's
 * raw string (the strings, for an array field), one about an array item the item's; a missing
 * field stays `null`.
 */
export function useRawInputs(
  issues: ValidationIssue[],
  start: number,
  plan: LocationPlan,
  raw: Readonly<Record<string, RawValue>> | undefined,
): void {
  if (raw === undefined) return
  for (let index = start; index < issues.length; index++) {
    const issue = issues[index]!
    if (issue.type === 'missing') continue
    const field = plan.fields[plan.order[issue.loc[1] as string] ?? -1]
    if (field === undefined || !Object.hasOwn(raw, field.source)) continue
    const sent = sentValue(plan, field, raw[field.source]!, issue.loc)
    if (sent !== undefined) issue.input = truncateInput(sent)
  }
}

function sentValue(
  plan: LocationPlan,
  field: FieldPlan,
  value: RawValue,
  loc: readonly (string | number)[],
): RawValue | undefined {
  if (!field.array) {
    if (loc.length !== 2) return undefined
    return Array.isArray(value) && plan.firstWins ? value[0] : value
  }
  const items = Array.isArray(value) ? value : field.split ? splitHeader(value) : [value]
  if (loc.length === 2) return items
  const at = loc[2]
  return loc.length === 3 && typeof at === 'number' ? items[at] : undefined
}

/**
 * `environmentParser`: validates environment variables (strings) against field schemas, coerced
 * as query values are — `v.number()`, `v.boolean()`, `v.picklist()`… read from their text.
 */
import { planLocation } from './internal/plan-location.ts'
import { runLocation } from './internal/run-location.ts'
import type { InferLocation, LocationSpec, ValidationIssue } from './types.ts'

/** The outcome of parsing one environment: the typed values, or every issue (`loc: ['env', NAME]`). */
export type EnvironmentResult<TValue> =
  | { readonly ok: true; readonly value: TValue }
  | { readonly ok: false; readonly issues: readonly ValidationIssue[] }

/**
 * Plans the variables once; the parser reads only the declared names from the record it is given
 * (`process.env`, `Deno.env.toObject()`, a Worker's `env`) and never reports their values, which
 * may be secrets.
 *
 * @example
 * const parse = environmentParser({ PORT: v.optional(v.number(), 8000), JWT_SECRET: v.string() })
 * const result = parse(process.env) // { ok: true, value: { PORT: 8000, JWT_SECRET: '…' } } or issues
 */
export function environmentParser<const TSpec extends LocationSpec>(
  spec: TSpec,
): (record: unknown) => EnvironmentResult<InferLocation<TSpec>> {
  const plan = planLocation('env', 'environment', spec)
  return (record) => {
    const source = (typeof record === 'object' && record !== null ? record : {}) as Record<
      string,
      unknown
    >
    // Only the declared names. A Worker's env also holds bindings (objects): they are passed as
    // they are (coercion reads strings only), for a field to declare with any schema it likes.
    const raw: Record<string, string> = {}
    for (const field of plan.fields) {
      const value = source[field.source]
      if (value !== undefined) raw[field.source] = value as string
    }
    const issues: ValidationIssue[] = []
    const value = runLocation(plan, raw, issues, 100)
    if (value === undefined && issues.length > 0) {
      for (const issue of issues) issue.input = null
      return { ok: false, issues }
    }
    return { ok: true, value: value as InferLocation<TSpec> }
  }
}

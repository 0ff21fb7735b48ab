/**
 * `createValidator` plans the validation of one route's inputs once, then validates each request:
 * coerces strings, reads the body within limits, and collects every issue in one pass.
 */
import { INVALID } from './compile-parser.ts'
import { cappedSafeParse } from './internal/capped-safe-parse.ts'
import { echoSent } from './internal/echo-json.ts'
import { headerName } from './internal/header-name.ts'
import { type LaxFailure, planLax, relabel } from './internal/lax-json.ts'
import { type BodyOutcome, loadBody } from './internal/load-body.ts'
import { type BodyPlan, planBody } from './internal/plan-body.ts'
import { type LocationPlan, planLocation } from './internal/plan-location.ts'
import { readCookies, readHeaders, readQuery } from './internal/read-locations.ts'
import { resolveOptions } from './internal/resolve-options.ts'
import { pushSchemaIssues, runLocation } from './internal/run-location.ts'
import type {
  InferInputs,
  InputSpec,
  RawRequest,
  RequestValidator,
  ResolvedValidatorOptions,
  ValidationIssue,
  ValidationResult,
  ValidatorOptions,
} from './types.ts'

interface Plan {
  readonly params: LocationPlan | undefined
  readonly query: LocationPlan | undefined
  readonly headers: LocationPlan | undefined
  readonly cookies: LocationPlan | undefined
  readonly body: BodyPlan | undefined
}

function plan(spec: InputSpec): Plan {
  if (typeof spec !== 'object' || spec === null) {
    throw new TypeError('@brisk/validator: the input spec must be an object')
  }
  const at = <TValue>(value: TValue | undefined, make: (value: TValue) => LocationPlan) =>
    value === undefined ? undefined : make(value)
  return {
    params: at(spec.params, (s) => planLocation('path', 'params', s)),
    query: at(spec.query, (s) => planLocation('query', 'query', s)),
    headers: at(spec.headers, (s) =>
      planLocation('header', 'headers', s, { sourceKey: headerName, split: true }),
    ),
    cookies: at(spec.cookies, (s) => planLocation('cookie', 'cookies', s, { firstWins: true })),
    body: planBody(spec),
  }
}

type Inputs = { params: unknown; query: unknown; headers: unknown; cookies: unknown; body: unknown }

/**
 * Plans validation for one route's inputs. All analysis (object schemas, coercers, header names)
 * happens here; `validate` does only per-request work, synchronously when no body is declared.
 * Throws a `TypeError` naming the location when the spec cannot work.
 *
 * @example
 * ```ts
 * import * as v from 'valibot'
 * import { createValidator } from '@brisk/validator'
 *
 * const check = createValidator({ query: { page: v.optional(v.pipe(v.number(), v.integer()), 1) } })
 * const result = check.validate(new Request('http://localhost/items?page=2'))
 * // result: { ok: true, value: { params: {}, query: { page: 2 }, headers: {}, cookies: {}, body: undefined } }
 * ```
 */
export function createValidator<const TSpec extends InputSpec>(
  spec: TSpec,
  options?: ValidatorOptions,
): RequestValidator<TSpec> {
  const resolved = resolveOptions(options)
  const { params, query, headers, cookies, body } = plan(spec)
  const maxIssues = resolved.limits.maxIssues
  // Lax mode coerces a JSON body toward its schema first (keys as the handler names them).
  const lax = resolved.lax && body?.bodyType === 'json' ? planLax(body.schema) : undefined
  type Result = ValidationResult<InferInputs<TSpec>>

  function validateStrings(
    request: Request,
    pathParams: Record<string, string> | undefined,
    issues: ValidationIssue[],
    raw: RawRequest | undefined,
  ): Inputs {
    const inputs: Inputs = { params: {}, query: {}, headers: {}, cookies: {}, body: undefined }
    if (params !== undefined) inputs.params = runLocation(params, pathParams, issues, maxIssues)
    if (query !== undefined) {
      inputs.query = runLocation(query, readQuery(query, request.url), issues, maxIssues)
    }
    if (headers !== undefined) {
      const values = readHeaders(headers, request, raw)
      inputs.headers = runLocation(headers, values, issues, maxIssues)
    }
    if (cookies !== undefined) {
      const values = readCookies(cookies, raw?.headers ?? request.headers)
      inputs.cookies = runLocation(cookies, values, issues, maxIssues)
    }
    return inputs
  }

  function finish(inputs: Inputs, issues: ValidationIssue[]): Result {
    if (issues.length === 0) return { ok: true, value: inputs as InferInputs<TSpec> }
    return { ok: false, status: resolved.errorStatus, issues }
  }

  async function validateWithBody(
    request: Request,
    pathParams: Record<string, string> | undefined,
    bodyPlan: BodyPlan,
    raw: RawRequest | undefined,
  ): Promise<Result> {
    const outcome = await loadBody(request, bodyPlan, resolved, raw)
    if (outcome.kind === 'failure') return outcome.failure
    const issues: ValidationIssue[] = []
    const inputs = validateStrings(request, pathParams, issues, raw)
    inputs.body = validateBody(bodyPlan, outcome, issues)
    return finish(inputs, issues)
  }

  function validateBody(bodyPlan: BodyPlan, outcome: BodyOutcome, issues: ValidationIssue[]) {
    switch (outcome.kind) {
      case 'form':
        return runLocation(bodyPlan.form!, outcome.raw, issues, maxIssues)
      case 'issue':
        if (issues.length < maxIssues) issues.push(outcome.issue)
        return undefined
      case 'absent':
        if (!bodyPlan.optional) {
          if (issues.length < maxIssues) {
            issues.push({ type: 'missing', loc: ['body'], msg: 'Field required', input: null })
          }
          return undefined
        }
        return parseBody(bodyPlan, undefined, issues)
      default:
        return parseBody(bodyPlan, outcome.kind === 'json' ? outcome.value : undefined, issues)
    }
  }

  function parseBody(bodyPlan: BodyPlan, sent: unknown, issues: ValidationIssue[]): unknown {
    const aliases = bodyPlan.aliases
    let value = aliases === undefined ? sent : aliases.rename(sent)
    // Only lax routes pay for the coercion pass and its failure list.
    let failures: LaxFailure[] | undefined
    if (lax !== undefined) {
      failures = []
      value = lax(value, failures, [])
    }
    if (bodyPlan.parse) {
      const output = bodyPlan.parse(value)
      if (output !== INVALID) return output
    }
    // Invalid (or not compiled): Valibot's own run names the issues.
    const result = cappedSafeParse(bodyPlan.schema, value, maxIssues)
    if (result.success) return result.output
    const start = issues.length
    if (sent === null && !result.issues[0]?.path && result.issues.length === 1) {
      // JSON `null` for a body that refuses it is no body, as FastAPI reads it: missing.
      if (start < maxIssues)
        issues.push({ type: 'missing', loc: ['body'], msg: 'Field required', input: null })
      return undefined
    }
    pushSchemaIssues(result.issues, 'body', bodyPlan.schema, issues, maxIssues, undefined, true)
    if (failures !== undefined && failures.length > 0) relabel(issues, start, failures)
    if (aliases !== undefined) {
      for (let index = start; index < issues.length; index++) {
        const issue = issues[index]!
        aliases.nameLoc(issue)
        // The object a field is missing from, as sent (with wire keys), not as renamed.
        if (issue.type === 'missing') issue.input = echoSent(sent, issue.loc, bodyPlan.schema)
      }
    }
    return undefined
  }

  return {
    spec,
    options: resolved satisfies ResolvedValidatorOptions,
    readsBody: body !== undefined,
    validate:
      body === undefined
        ? (request, pathParams, raw) => {
            const issues: ValidationIssue[] = []
            return finish(validateStrings(request, pathParams, issues, raw), issues)
          }
        : (request, pathParams, raw) => validateWithBody(request, pathParams, body, raw),
  }
}

/**
 * `validationErrorResponse` renders a failed validation as the HTTP response a client sees.
 */
import type { ValidationFailure, ValidatorOptions } from './types.ts'

const TITLES: Readonly<Record<number, string>> = {
  400: 'Bad Request',
  413: 'Content Too Large',
  415: 'Unsupported Media Type',
  422: 'Unprocessable Content',
}

function json(body: unknown, status: number, contentType: string): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'content-type': contentType } })
}

/**
 * Renders a failure: 422/400 as `{"detail":[issues]}` (`application/json`), or with
 * `errorFormat: 'problem'` as RFC 9457 `application/problem+json`
 * (`{type:'about:blank', title, status, detail:'Request validation failed', errors}`);
 * 413/415 as `{"detail":"<sentence>"}` (problem format: the sentence is the problem's `detail`).
 *
 * @example
 * ```ts
 * import * as v from 'valibot'
 * import { createValidator, validationErrorResponse } from '@brisk/validator'
 *
 * const check = createValidator({ query: { page: v.number() } })
 * const result = check.validate(new Request('http://localhost/?page=x'))
 * const response = result instanceof Promise || result.ok ? undefined : validationErrorResponse(result)
 * // response?.status === 422
 * ```
 */
export function validationErrorResponse(
  failure: ValidationFailure,
  options?: ValidatorOptions,
): Response {
  const { status } = failure
  if (options?.errorFormat === 'problem') {
    const title = TITLES[status] ?? 'Error'
    const problem =
      failure.detail === undefined
        ? {
            type: 'about:blank',
            title,
            status,
            detail: 'Request validation failed',
            errors: failure.issues,
          }
        : { type: 'about:blank', title, status, detail: failure.detail }
    return json(problem, status, 'application/problem+json')
  }
  const body = { detail: failure.detail ?? failure.issues }
  return json(body, status, 'application/json')
}

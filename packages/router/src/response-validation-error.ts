/** `ResponseValidationError`: a handler's value failed its response schema (a 500, reported). */
import type * as v from 'valibot'
import type { Operation } from './operation.ts'

/**
 * A handler returned a value its response schema rejects. The client gets a plain 500; the app's
 * error hook gets this error, naming the route, the status and the issues.
 */
export class ResponseValidationError extends Error {
  readonly code = 'RESPONSE_VALIDATION'
  declare readonly operation: Operation
  readonly status: number
  declare readonly issues: readonly v.BaseIssue<unknown>[]

  constructor(operation: Operation, status: number, issues: readonly v.BaseIssue<unknown>[]) {
    const summary = issues
      .slice(0, 5)
      .map(
        (issue) => `${issue.path?.map((item) => item.key).join('.') || '(root)'}: ${issue.message}`,
      )
      .join('; ')
    super(
      `${operation.method} ${operation.path} returned a ${status} body that fails its schema: ${summary}`,
    )
    this.name = 'ResponseValidationError'
    this.status = status
    // Readable, not enumerable: a logged error is its one-line message (route, status, issues),
    // not the whole operation object (~50 lines) and every issue.
    Object.defineProperties(this, {
      operation: { value: operation, enumerable: false },
      issues: { value: issues, enumerable: false },
    })
  }
}

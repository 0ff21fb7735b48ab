/** `ResponseValidationError`: a handler's value failed its response schema (a 500, reported). */
import type * as v from 'valibot'
import type { Operation } from './operation.ts'

/**
 * A handler returned a value its response schema rejects. The client gets a plain 500; the app's
 * error hook gets this error, naming the route, the status and the issues.
 */
export class ResponseValidationError extends Error {
  readonly code = 'RESPONSE_VALIDATION'
  readonly operation: Operation
  readonly status: number
  readonly issues: readonly v.BaseIssue<unknown>[]

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
    this.operation = operation
    this.status = status
    this.issues = issues
  }
}

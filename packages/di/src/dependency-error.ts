/**
 * Why a dependency graph cannot work, why a teardown failed, or (`SWALLOWED`) why a request whose
 * error a generator dependency caught and did not rethrow still failed.
 */
export type DependencyErrorCode =
  | 'CYCLE'
  | 'SCOPE'
  | 'NOT_A_DEPENDENCY'
  | 'NO_YIELD'
  | 'TEARDOWN'
  | 'SWALLOWED'

/** An error from the dependency machinery, with a `code` to switch on. */
export class DependencyError extends Error {
  readonly code: DependencyErrorCode

  constructor(code: DependencyErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options)
    this.name = 'DependencyError'
    this.code = code
  }
}

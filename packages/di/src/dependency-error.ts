/** Why a dependency graph cannot work, or why a teardown failed. */
export type DependencyErrorCode = 'CYCLE' | 'SCOPE' | 'NOT_A_DEPENDENCY' | 'NO_YIELD' | 'TEARDOWN'

/** An error from the dependency machinery, with a `code` to switch on. */
export class DependencyError extends Error {
  readonly code: DependencyErrorCode

  constructor(code: DependencyErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options)
    this.name = 'DependencyError'
    this.code = code
  }
}

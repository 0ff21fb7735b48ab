/** `CliError`: a failure the person at the terminal can act on — one message, no stack trace. */

/** What went wrong, for callers (and tests) to switch on. */
export type CliErrorCode =
  | 'ENTRY_NOT_FOUND'
  | 'ENTRY_FAILED'
  | 'NOT_AN_APP'
  | 'PORT_IN_USE'
  | 'LISTEN_FAILED'
  | 'NO_DOCUMENT'
  | 'RUNTIME_NOT_FOUND'
  | 'USAGE'

/**
 * An error printed as its message alone; `exitCode` is 2 for usage errors, else 1.
 *
 * @example
 * throw new CliError('PORT_IN_USE', 'Port 8000 is already in use: pick another with --port.')
 */
export class CliError extends Error {
  readonly code: CliErrorCode
  readonly exitCode: number
  constructor(code: CliErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options)
    this.name = 'CliError'
    this.code = code
    this.exitCode = code === 'USAGE' ? 2 : 1
  }
}

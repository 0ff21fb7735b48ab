/** `reportError`: prints a failure for a person — a `CliError` as its message, anything else in full. */
import { CliError } from './cli-error.ts'

/**
 * Writes the error to stderr and returns the exit code it stands for. A `CliError` is one line
 * (plus, for a module that failed to load, that module's own error); others keep their stack.
 *
 * @example
 * process.exitCode = reportError(error)
 */
export function reportError(error: unknown, write = (text: string) => process.stderr.write(text)) {
  if (error instanceof CliError) {
    write(`brisk: ${error.message}\n`)
    if (error.cause !== undefined) write(`${describe(error.cause)}\n`)
    return error.exitCode
  }
  write(`brisk: unexpected error\n${describe(error)}\n`)
  return 1
}

function describe(error: unknown): string {
  // A syntax error from the TypeScript loader already names the file, line and column; its stack
  // is the loader's own.
  if (error instanceof Error && error.name === 'TransformError') return error.message
  if (error instanceof Error) return error.stack ?? `${error.name}: ${error.message}`
  return String(error)
}

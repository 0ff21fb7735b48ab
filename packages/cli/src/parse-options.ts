/** Checks the values cac hands over, so a typo is a usage error naming the option, not a crash. */
import { CliError } from './cli-error.ts'

/** A TCP port, 0–65535 (0: the system picks one). */
export function parsePort(value: unknown): number {
  const port = Number(value)
  if (!Number.isInteger(port) || port < 0 || port > 65535 || value === '' || value === true)
    throw new CliError(
      'USAGE',
      `--port must be a whole number from 0 to 65535 (got ${String(value)}).`,
    )
  return port
}

/** A whole number of at least `min`. */
export function parseCount(name: string, value: unknown, min: number): number {
  const count = Number(value)
  if (!Number.isInteger(count) || count < min || value === true)
    throw new CliError(
      'USAGE',
      `--${name} must be a whole number of at least ${min} (got ${String(value)}).`,
    )
  return count
}

/** One of the allowed words. */
export function parseChoice<const TChoice extends string>(
  name: string,
  value: unknown,
  choices: readonly TChoice[],
): TChoice {
  if (typeof value === 'string' && (choices as readonly string[]).includes(value))
    return value as TChoice
  throw new CliError(
    'USAGE',
    `--${name} must be one of ${choices.join(', ')} (got ${String(value)}).`,
  )
}

/** A string option given once (cac makes an array of a repeated one; the last wins). */
export function parseText(name: string, value: unknown): string {
  const last = Array.isArray(value) ? value.at(-1) : value
  if (typeof last !== 'string' || last === '')
    throw new CliError('USAGE', `--${name} needs a value.`)
  return last
}

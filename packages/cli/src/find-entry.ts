/** `findEntry`: the app module a command runs — the one named, or the conventional default. */
import { existsSync, statSync } from 'node:fs'
import { relative, resolve } from 'node:path'
import { CliError } from './cli-error.ts'

/** Looked for, in order, when no entry is given. */
export const DEFAULT_ENTRIES = ['src/app.ts', 'app.ts', 'src/app.js', 'app.js'] as const

/**
 * Resolves the entry file against `cwd`; throws `ENTRY_NOT_FOUND` naming what was looked for.
 *
 * @example
 * findEntry(undefined, process.cwd()) // '/project/src/app.ts'
 */
export function findEntry(entry: string | undefined, cwd: string): string {
  if (entry !== undefined) {
    const file = resolve(cwd, entry)
    if (existsSync(file) && statSync(file).isFile()) return file
    throw new CliError('ENTRY_NOT_FOUND', `Entry not found: ${relative(cwd, file) || file}.`)
  }
  for (const candidate of DEFAULT_ENTRIES) {
    const file = resolve(cwd, candidate)
    if (existsSync(file)) return file
  }
  throw new CliError(
    'ENTRY_NOT_FOUND',
    `No app module found: looked for ${DEFAULT_ENTRIES.join(', ')} in ${cwd}. ` +
      'Pass the file, e.g. `brisk dev src/main.ts`.',
  )
}

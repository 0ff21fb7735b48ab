/** `loadApp`: imports an app module (TypeScript through tsx) and finds the Brisk app it exports. */
import { relative } from 'node:path'
import { pathToFileURL } from 'node:url'
import type { BriskApp } from '@brisk/router'
import { register } from 'tsx/esm/api'
import { CliError } from './cli-error.ts'
import { appOf, notAnAppMessage } from './is-brisk-app.ts'

let registered = false

/**
 * Imports `file` and returns its default export, or its export named `app`, when it is a Brisk
 * app (`createApp()`). Throws `ENTRY_FAILED` when the module does not load (a syntax error, a
 * throw at import) and `NOT_AN_APP` naming what it does export.
 *
 * @example
 * const app = await loadApp(findEntry(undefined, process.cwd()))
 */
export async function loadApp(file: string, cwd = process.cwd()): Promise<BriskApp> {
  // tsx's loader, not a hand-rolled one: it follows tsconfig paths and handles `./x.ts` imports,
  // JSX and CommonJS interop the way esbuild does.
  if (!registered) {
    register()
    registered = true
  }
  const name = relative(cwd, file) || file
  let module: Record<string, unknown>
  try {
    module = await import(pathToFileURL(file).href)
  } catch (error) {
    throw new CliError('ENTRY_FAILED', `Could not load ${name}:`, { cause: error })
  }
  const app = appOf(module)
  if (app) return app
  throw new CliError('NOT_AN_APP', notAnAppMessage(name, module))
}

/** `isBriskApp`: recognises what `createApp` returns, from any copy of `@brisk/router`. */
import type { BriskApp } from '@brisk/router'

/**
 * Whether a value is a Brisk app (duck-typed, so an app made by another copy of the router counts).
 *
 * @example
 * if (!isBriskApp(module.default)) throw new Error('not an app')
 */
export function isBriskApp(value: unknown): value is BriskApp {
  const app = value as Partial<BriskApp> | null | undefined
  return (
    (typeof app === 'object' || typeof app === 'function') &&
    app !== null &&
    typeof app.fetch === 'function' &&
    Array.isArray(app.operations) &&
    typeof app.startup === 'function' &&
    typeof app.shutdown === 'function'
  )
}

/** The app a module exports (default, else `app`), or `undefined`. */
export function appOf(module: Record<string, unknown>): BriskApp | undefined {
  for (const key of ['default', 'app']) if (isBriskApp(module[key])) return module[key]
  return undefined
}

/** The message for a module that exports no app, naming what it does export. */
export function notAnAppMessage(name: string, module: Record<string, unknown>): string {
  const found = Object.keys(module)
  return (
    `${name} does not export a Brisk app: expected \`export default app\` or \`export const app\` ` +
    `holding createApp({ routes }) from @brisk/router (it exports ${found.length > 0 ? found.join(', ') : 'nothing'}).`
  )
}

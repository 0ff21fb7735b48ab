/**
 * `settings`: the app's configuration read from the runtime environment with Valibot schemas,
 * validated once, as FastAPI users do with pydantic-settings.
 */
import { type Dependency, dependency } from '@brisk/di'
import {
  environmentParser,
  type InferLocation,
  type LocationSpec,
  type ValidationIssue,
} from '@brisk/validator'
import { runtimeEnv } from './runtime-env.ts'

/** Thrown when the environment does not satisfy the settings' schemas; lists every variable. */
export class SettingsError extends Error {
  readonly code = 'BRISK_SETTINGS'
  readonly issues: readonly ValidationIssue[]

  constructor(issues: readonly ValidationIssue[]) {
    const lines = issues.map((issue) => `  ${String(issue.loc[1])}: ${issue.msg}`)
    super(`Invalid settings (environment variables):\n${lines.join('\n')}`)
    this.name = 'SettingsError'
    this.issues = issues
  }
}

/**
 * An app-scoped dependency holding the settings: each field names an environment variable, its
 * schema says its type (coerced from text as query values are: `v.number()`, `v.boolean()`,
 * `v.picklist()`) and `v.optional(schema, default)` its default. Read from `runtimeEnv()` —
 * `process.env`, `Deno.env`, or a Worker's `env` — once: at `app.startup()` (the Node `serve()`
 * runs it before listening, so a bad variable stops the server with a `SettingsError` naming each
 * one), or on the first request on Workers. Values are never echoed (they may be secrets). Tests
 * override it with `dependency({ scope: 'app' }, () => ({ ... }))`.
 *
 * @example
 * const config = settings({
 *   PORT: v.optional(v.number(), 8000),
 *   JWT_SECRET: v.pipe(v.string(), v.minLength(32)),
 * })
 * const tokens = dependency({ scope: 'app', uses: { config } }, ({ config }) => jwtTokens({ secret: config.JWT_SECRET, … }))
 */
export function settings<const TSpec extends LocationSpec>(
  spec: TSpec,
  options: { readonly name?: string } = {},
): Dependency<InferLocation<TSpec>> {
  const parse = environmentParser(spec)
  return dependency(
    { scope: 'app', eager: true, name: options.name ?? 'settings', uses: { env: runtimeEnv() } },
    ({ env }) => {
      const result = parse(env)
      if (!result.ok) throw new SettingsError(result.issues)
      return result.value
    },
  ) as Dependency<InferLocation<TSpec>>
}

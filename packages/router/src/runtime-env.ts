/** `runtimeEnv`: the runtime's environment — a Worker's bindings, or environment variables — as a dependency. */
import { type Dependency, dependency } from '@brisk/di'

const environment = dependency({ scope: 'app', name: 'runtimeEnv' }, (_, { env }) => env)

/**
 * The runtime environment as an app-scoped dependency, typed as you declare it: on Workers the
 * `env` of bindings (D1, KV, secrets, vars), elsewhere the process environment (`process.env`,
 * `Deno.env`). It is made on the first request (Workers hand bindings to requests, not to the
 * module), or at `app.startup()` on the other runtimes; app-scoped values that use it are made
 * then too. Every call returns the same dependency: tests override it once for all.
 *
 * @example
 * type Bindings = { DB: D1Database; API_KEY: string }
 * const env = runtimeEnv<Bindings>()
 * const database = dependency({ scope: 'app', uses: { env } }, ({ env }) => new Kysely({ dialect: new D1Dialect({ database: env.DB }) }))
 */
export function runtimeEnv<
  TEnv = Readonly<Record<string, string | undefined>>,
>(): Dependency<TEnv> {
  return environment as Dependency<TEnv>
}

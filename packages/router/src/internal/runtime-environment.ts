import type { Context } from 'hono'
import { env as adapterEnv, getRuntimeKey } from 'hono/adapter'

let runtime: ReturnType<typeof getRuntimeKey> | undefined
let processEnvironment: unknown

/**
 * The environment dependencies see (`context.env`, `runtimeEnv()`): a Worker's bindings, which
 * come with each request, or else the process environment (`process.env` on Node and Bun,
 * `Deno.env` on Deno), read once. Hono's adapter helper tells the runtimes apart, on first use.
 */
export function runtimeEnvironment(c: Context | undefined): unknown {
  runtime ??= getRuntimeKey()
  if (runtime === 'workerd') return c?.env
  processEnvironment ??= adapterEnv(c as Context)
  return processEnvironment
}

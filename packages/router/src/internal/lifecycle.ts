import type { Container } from '@brisk/di'
import type { PendingTasks } from './background.ts'

export type LifespanHook = () => unknown

export interface Lifecycle {
  readonly started: boolean
  /** `env` reaches eager app-scoped dependencies (the first request's, when it starts the app). */
  startup(env: unknown): Promise<void>
  shutdown(): Promise<void>
}

/**
 * Startup runs the hooks then makes eager app-scoped dependencies, once (a failed startup is tried
 * again). Shutdown waits for background tasks, runs the hooks, then disposes app-scoped values.
 */
export function createLifecycle(
  onStartup: readonly LifespanHook[],
  onShutdown: readonly LifespanHook[],
  container: Container,
  pending: PendingTasks,
): Lifecycle {
  let started = false
  let starting: Promise<void> | undefined

  const start = async (env: unknown) => {
    for (const hook of onStartup) await hook()
    await container.start(env)
    started = true
  }

  return {
    get started() {
      return started
    },
    startup(env) {
      starting ??= start(env).catch((error) => {
        starting = undefined
        throw error
      })
      return starting
    },
    async shutdown() {
      while (pending.size > 0) await Promise.allSettled([...pending])
      for (const hook of onShutdown) await hook()
      await container.dispose()
      started = false
      starting = undefined
    },
  }
}

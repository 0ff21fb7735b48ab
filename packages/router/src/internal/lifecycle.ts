import type { Container } from '@brisk/di'
import type { PendingTasks } from './background.ts'

export type LifespanHook = () => unknown

export interface Lifecycle {
  readonly started: boolean
  /** `env` reaches eager app-scoped dependencies (the first request's, when it starts the app). */
  startup(env: unknown): Promise<void>
  shutdown(): Promise<void>
}

async function attempt(step: () => unknown, failures: unknown[]): Promise<void> {
  try {
    await step()
  } catch (error) {
    failures.push(error)
  }
}

/**
 * Startup runs the hooks then makes eager app-scoped dependencies, once (a failed startup is tried
 * again). Shutdown waits for background tasks, runs the hooks, then disposes app-scoped values — all
 * of them, failures thrown at the end.
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
      // Every hook and the app-scoped teardown run even when one fails: a failed flush must
      // not leave a pool open. The failures are thrown afterwards, together.
      const failures: unknown[] = []
      for (const hook of onShutdown) await attempt(hook, failures)
      await attempt(() => container.dispose(), failures)
      started = false
      starting = undefined
      if (failures.length === 1) throw failures[0]
      if (failures.length > 1) throw new AggregateError(failures, 'Several shutdown steps failed')
    },
  }
}

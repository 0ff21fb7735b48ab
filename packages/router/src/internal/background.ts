import type { Context, ExecutionContext } from 'hono'
import type { BackgroundTask } from '../types.ts'
import type { RequestExecution } from './host.ts'

/** The app's background work in flight, so shutdown can wait for it. */
export type PendingTasks = Set<Promise<void>>

/** The runtime's execution context for this request (Workers), if it has one. */
export function workersExecutionContext(c: Context): ExecutionContext | undefined {
  try {
    return c.executionCtx // Hono throws where the runtime gave none
  } catch {
    return undefined
  }
}

/** `waitUntil` for runtimes without one: the work joins the app's pending tasks, errors reported. */
export function appExecution(
  pending: PendingTasks,
  report: (error: unknown) => void,
): RequestExecution {
  return {
    waitUntil(promise) {
      const work = Promise.resolve(promise).then(() => undefined, report)
      pending.add(work)
      void work.finally(() => pending.delete(work))
    },
  }
}

/**
 * Runs a request's background tasks one after another, after the response has been handed back:
 * on Workers inside `waitUntil` so the isolate stays alive, elsewhere on a later turn of the event
 * loop. A failing task is reported and the next one still runs.
 */
export function runInBackground(
  c: Context,
  tasks: readonly BackgroundTask[],
  report: (error: unknown) => void,
  pending: PendingTasks,
): void {
  const work = new Promise<void>((resolve) => setTimeout(resolve, 0)).then(async () => {
    for (const task of tasks) {
      try {
        await task()
      } catch (error) {
        report(error)
      }
    }
  })
  pending.add(work)
  void work.finally(() => pending.delete(work))
  workersExecutionContext(c)?.waitUntil(work)
}

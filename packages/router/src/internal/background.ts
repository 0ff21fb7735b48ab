import type { Context } from 'hono'
import type { BackgroundTask } from '../types.ts'

/** The app's background work in flight, so shutdown can wait for it. */
export type PendingTasks = Set<Promise<void>>

function executionContextOf(
  c: Context,
): { waitUntil(promise: Promise<unknown>): void } | undefined {
  try {
    return c.executionCtx // Workers; Hono throws where the runtime has none
  } catch {
    return undefined
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
  executionContextOf(c)?.waitUntil(work)
}

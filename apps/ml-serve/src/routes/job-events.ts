/**
 * A job's progress as Server-Sent Events: pushed by stores that notify (memory), polled from those
 * that cannot (KV). Ends after the event for the finished job.
 */
import { type ServerSentEvent, serverSentEvent } from '@brisk/router'
import { isFinished, type JobRecord } from '../jobs/job-record.ts'
import type { JobStore } from '../jobs/job-store.ts'

/** How often a store without notifications is read again. */
const POLL_MS = 250

const progress = (job: JobRecord) =>
  serverSentEvent({
    event: 'progress',
    data: { status: job.status, done: job.done, total: job.total },
  })

/** The events of `job` from its current state on. */
export function jobEvents(store: JobStore, job: JobRecord): AsyncIterableIterator<ServerSentEvent> {
  let last = job
  let sentLast = false
  let ended = false
  let wake: (() => void) | undefined
  const changed = (next: JobRecord) => {
    if (next.updated_at === last.updated_at && next.status === last.status) return
    last = next
    sentLast = false
    wake?.()
  }
  const unsubscribe = store.subscribe?.(job.job_id, changed)
  // A change between the caller's read and the subscription would otherwise be missed.
  if (unsubscribe) void store.get(job.job_id).then((next) => next && changed(next))
  const waitForChange = () =>
    new Promise<void>((resolve) => {
      wake = resolve
      if (!unsubscribe) {
        setTimeout(async () => {
          const next = await store.get(job.job_id).catch(() => undefined)
          if (next) changed(next)
          resolve()
        }, POLL_MS)
      }
    })
  const stop = () => {
    ended = true
    unsubscribe?.()
    wake?.()
  }

  // An iterator, so a disconnect's `return()` stops the wait at once.
  return {
    [Symbol.asyncIterator]() {
      return this
    },
    async next() {
      while (!ended) {
        if (!sentLast) {
          sentLast = true
          return { done: false, value: progress(last) }
        }
        if (isFinished(last)) {
          stop()
          return {
            done: false,
            value: serverSentEvent({
              event: 'finished',
              data: { status: last.status, done: last.done, total: last.total },
            }),
          }
        }
        await waitForChange()
      }
      return { done: true, value: undefined }
    },
    async return() {
      stop()
      return { done: true, value: undefined }
    },
  }
}

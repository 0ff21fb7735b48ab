/** The default job queue: an in-memory FIFO with a bound and a number of jobs run at once. */
import { QueueFullError } from '../batching/queue-full-error.ts'
import type { JobQueue } from './job-queue.ts'

export interface InProcessJobQueueOptions {
  /** Jobs run at once. */
  readonly concurrency: number
  /** Jobs waiting (not yet running), at most. */
  readonly maxWaiting: number
  /** Runs one job; its rejection goes to `onError` and the queue goes on. */
  run(id: string): Promise<unknown>
  onError(error: unknown): void
}

export interface InProcessJobQueue extends JobQueue {
  stats(): { readonly waiting: number; readonly running: number }
  /** Refuses new jobs and waits for the waiting and running ones to finish. */
  close(): Promise<void>
}

/** An in-process `JobQueue`: bounded, FIFO, `concurrency` jobs at a time. */
export function inProcessJobQueue(options: InProcessJobQueueOptions): InProcessJobQueue {
  const waiting: string[] = []
  const active = new Set<Promise<unknown>>()
  let closed = false
  let idle: (() => void) | undefined

  const pump = () => {
    while (active.size < options.concurrency && waiting.length > 0) {
      const id = waiting.shift()!
      const running: Promise<unknown> = options
        .run(id)
        .catch(options.onError)
        .finally(() => {
          active.delete(running)
          pump()
        })
      active.add(running)
    }
    if (active.size === 0 && waiting.length === 0) idle?.()
  }

  return {
    enqueue: async (id) => {
      if (closed) throw new Error('the job queue is closed')
      if (waiting.length >= options.maxWaiting) {
        // A job takes seconds, not milliseconds: one second per waiting job ahead, per worker.
        throw new QueueFullError(Math.ceil(waiting.length / options.concurrency))
      }
      waiting.push(id)
      pump()
    },
    stats: () => ({ waiting: waiting.length, running: active.size }),
    close: async () => {
      closed = true
      if (active.size === 0 && waiting.length === 0) return
      await new Promise<void>((resolve) => {
        idle = resolve
      })
    },
  }
}

/** The one error a full micro-batcher throws: the caller should come back later. */

/** Thrown by `submit` when admitting the items would exceed `maxQueue`; nothing was queued. */
export class QueueFullError extends Error {
  readonly code = 'QUEUE_FULL'
  /** Whole seconds after which the queue is expected to have room (at least 1). */
  readonly retryAfterSeconds: number

  constructor(retryAfterSeconds: number) {
    super(`The inference queue is full; retry after ${retryAfterSeconds} s`)
    this.name = 'QueueFullError'
    this.retryAfterSeconds = retryAfterSeconds
  }
}

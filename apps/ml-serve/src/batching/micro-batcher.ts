/**
 * Dynamic micro-batching: items submitted by concurrent callers are grouped into one call of `run`
 * of at most `maxBatch` items, sent when the batch is full or `maxWaitMs` after its first item. The
 * queue is bounded (`maxQueue` items waiting or running): beyond it `submit` throws
 * `QueueFullError` and queues nothing, so memory stays flat under overload.
 *
 * Framework-free (no Brisk, no HTTP) so any queue consumer or route can use it; it lives in the app
 * rather than a package until a second user shows which options are really general.
 */
import { later } from './later.ts'
import { QueueFullError } from './queue-full-error.ts'

export interface MicroBatcherOptions<TItem, TResult> {
  /** Items per call of `run`, at most. */
  readonly maxBatch: number
  /** How long the first item of a batch waits for others before the batch is sent anyway. */
  readonly maxWaitMs: number
  /** Items waiting or running, at most; more is a `QueueFullError`. */
  readonly maxQueue: number
  /** Batches running at once (default 1: a CPU-bound model gains nothing from more). */
  readonly concurrency?: number
  /** Answers one result per item, in order. */
  run(items: readonly TItem[]): readonly TResult[] | Promise<readonly TResult[]>
}

/** Counters since the batcher was made (plus the current queue). */
export interface MicroBatcherStats {
  readonly batches: number
  /** Items that went through `run`. */
  readonly items: number
  readonly largestBatch: number
  /** Items whose caller gave up (aborted) before their result. */
  readonly cancelled: number
  /** Items refused because the queue was full. */
  readonly rejected: number
  readonly waiting: number
  readonly running: number
}

export interface MicroBatcher<TItem, TResult> {
  /**
   * Admits all `items` or none (`QueueFullError`, thrown synchronously), and returns one promise
   * per item. Aborting `signal` rejects the caller's unfinished items with its reason and takes
   * the waiting ones out of the queue; the batches of other callers go on.
   */
  submitEach(items: readonly TItem[], signal?: AbortSignal): Promise<TResult>[]
  /**
   * Throws the `QueueFullError` that submitting `count` items now would throw, without queueing:
   * lets a server refuse before reading and validating a request body (load shedding).
   */
  assertRoom(count: number): void
  /** `submitEach`, as one promise: the caller's results in order, or its first error. */
  submit(items: readonly TItem[], signal?: AbortSignal): Promise<TResult[]>
  stats(): MicroBatcherStats
}

interface Entry<TItem, TResult> {
  readonly item: TItem
  readonly caller: object
  readonly enqueuedAt: number
  settled: boolean
  resolve(value: TResult): void
  reject(reason: unknown): void
}

/**
 * Creates a micro-batcher. When `run` throws for a batch holding several callers' items, each
 * caller's items are run again on their own, so one caller's bad input fails that caller only.
 *
 * @example
 * const batcher = createMicroBatcher({ maxBatch: 32, maxWaitMs: 5, maxQueue: 1024, run: (texts) => model.predict(texts) })
 * const [result] = await batcher.submit(['I love it.'], request.signal)
 */
export function createMicroBatcher<TItem, TResult>(
  options: MicroBatcherOptions<TItem, TResult>,
): MicroBatcher<TItem, TResult> {
  const { maxBatch, maxWaitMs, maxQueue } = options
  const concurrency = options.concurrency ?? 1
  for (const [name, value, min] of [
    ['maxBatch', maxBatch, 1],
    ['maxWaitMs', maxWaitMs, 0],
    ['maxQueue', maxQueue, 1],
    ['concurrency', concurrency, 1],
  ] as const) {
    if (!Number.isInteger(value) || value < min) {
      throw new RangeError(`createMicroBatcher: ${name} must be an integer ≥ ${min}, got ${value}`)
    }
  }

  let waiting: Entry<TItem, TResult>[] = []
  let running = 0 // items
  let runningBatches = 0
  let cancelTimer: (() => void) | undefined
  const counts = { batches: 0, items: 0, largestBatch: 0, cancelled: 0, rejected: 0 }
  // Milliseconds per item, smoothed: what Retry-After is estimated from.
  let msPerItem = 1

  const schedule = () => {
    if (runningBatches >= concurrency || waiting.length === 0) return
    // A full batch goes now; otherwise when its oldest item has waited `maxWaitMs` (items that
    // queued up while a batch ran have already waited). Always a macrotask, never a microtask, so
    // I/O (a disconnect, new requests) is handled between batches.
    const oldest = waiting[0]?.enqueuedAt ?? 0
    const delay =
      waiting.length >= maxBatch ? 0 : Math.max(0, maxWaitMs - (performance.now() - oldest))
    cancelTimer?.()
    cancelTimer = later(flush, delay)
  }

  const flush = () => {
    cancelTimer = undefined
    while (runningBatches < concurrency && waiting.length > 0) {
      const batch = waiting.slice(0, maxBatch)
      waiting = waiting.slice(batch.length)
      void runBatch(batch)
    }
  }

  const execute = async (items: readonly TItem[]) => {
    const results = await options.run(items)
    if (results.length !== items.length) {
      throw new Error(`run answered ${results.length} results for ${items.length} items`)
    }
    return results
  }

  const settle = (batch: readonly Entry<TItem, TResult>[], results: readonly TResult[]) => {
    for (const [index, entry] of batch.entries()) entry.resolve(results[index] as TResult)
  }

  const runBatch = async (batch: Entry<TItem, TResult>[]) => {
    runningBatches++
    running += batch.length
    counts.batches++
    counts.items += batch.length
    counts.largestBatch = Math.max(counts.largestBatch, batch.length)
    const started = performance.now()
    try {
      settle(batch, await execute(batch.map((entry) => entry.item)))
    } catch (error) {
      await isolate(batch, error)
    } finally {
      const elapsed = performance.now() - started
      msPerItem = msPerItem * 0.8 + (elapsed / batch.length) * 0.2
      runningBatches--
      running -= batch.length
      schedule()
    }
  }

  // The batch failed: if it held several callers, run each caller's items alone to find whose fail.
  const isolate = async (batch: Entry<TItem, TResult>[], error: unknown) => {
    const callers = new Map<object, Entry<TItem, TResult>[]>()
    for (const entry of batch) {
      if (!entry.settled) callers.set(entry.caller, [...(callers.get(entry.caller) ?? []), entry])
    }
    if (callers.size <= 1) {
      for (const entry of batch) entry.reject(error)
      return
    }
    for (const entries of callers.values()) {
      try {
        settle(entries, await execute(entries.map((entry) => entry.item)))
      } catch (own) {
        for (const entry of entries) entry.reject(own)
      }
    }
  }

  const assertRoom = (count: number) => {
    if (waiting.length + running + count > maxQueue) {
      counts.rejected += count
      const backlog = waiting.length + running
      throw new QueueFullError(Math.max(1, Math.ceil((backlog * msPerItem) / 1000)))
    }
  }

  const submitEach = (items: readonly TItem[], signal?: AbortSignal) => {
    signal?.throwIfAborted()
    assertRoom(items.length)
    const caller = {}
    const enqueuedAt = performance.now()
    const entries: Entry<TItem, TResult>[] = []
    const promises = items.map(
      (item) =>
        new Promise<TResult>((resolve, reject) => {
          const entry: Entry<TItem, TResult> = {
            item,
            caller,
            enqueuedAt,
            settled: false,
            resolve: (value) => {
              if (entry.settled) return
              entry.settled = true
              resolve(value)
            },
            reject: (reason) => {
              if (entry.settled) return
              entry.settled = true
              reject(reason)
            },
          }
          entries.push(entry)
        }),
    )
    if (signal) {
      const onAbort = () => {
        const mine = new Set(entries)
        waiting = waiting.filter((entry) => !mine.has(entry))
        const unfinished = entries.filter((entry) => !entry.settled)
        counts.cancelled += unfinished.length
        for (const entry of unfinished) entry.reject(signal.reason)
      }
      signal.addEventListener('abort', onAbort, { once: true })
      // Let go of the listener (and the entries it holds) once every item is settled.
      void Promise.allSettled(promises).then(() => signal.removeEventListener('abort', onAbort))
    }
    waiting.push(...entries)
    schedule()
    return promises
  }

  return {
    assertRoom,
    submitEach,
    submit: (items, signal) => Promise.all(submitEach(items, signal)),
    stats: () => ({ ...counts, waiting: waiting.length, running }),
  }
}

/**
 * Every interactive model call goes through one micro-batcher per app: concurrent requests share
 * model calls, and its bounded queue is the service's backpressure (429 when full).
 */
import { dependency, HTTPException } from '@brisk/router'
import { createMicroBatcher, type MicroBatcher } from './batching/micro-batcher.ts'
import { QueueFullError } from './batching/queue-full-error.ts'
import { config } from './config.ts'
import { model } from './model/model.ts'
import type { TextSentiment } from './model/sentiment-model.ts'

/** Streams whose client left before the last text, and the texts they left unscored. */
export interface StreamCounts {
  started: number
  disconnected: number
  /** Texts of disconnected streams that had no result yet: taken out of the queue or dropped. */
  cancelledTexts: number
}

/** WebSocket sessions, their requests, and the texts that cancels and closes left unscored. */
export interface SocketCounts {
  opened: number
  /** `analyze` requests admitted to the queue. */
  requests: number
  /** Requests ended by the client's `cancel`. */
  cancelled: number
  /** Sockets that closed with requests still in flight (each of those is cancelled). */
  closedInFlight: number
  /** Texts of cancelled requests (by `cancel` or close) that had no result yet. */
  cancelledTexts: number
}

export interface Inference {
  readonly batcher: MicroBatcher<string, TextSentiment>
  readonly streams: StreamCounts
  readonly sockets: SocketCounts
}

/** The app's batcher over the model, sized by the settings. */
export const inference = dependency(
  { scope: 'app', name: 'inference', uses: { config, model } },
  ({ config, model }): Inference => ({
    batcher: createMicroBatcher({
      maxBatch: config.BATCH_MAX_SIZE,
      maxWaitMs: config.BATCH_MAX_WAIT_MS,
      maxQueue: config.QUEUE_MAX_TEXTS,
      run: (texts) => model.predict(texts),
    }),
    streams: { started: 0, disconnected: 0, cancelledTexts: 0 },
    sockets: { opened: 0, requests: 0, cancelled: 0, closedInFlight: 0, cancelledTexts: 0 },
  }),
)

/**
 * Load shedding: when the queue has no room for even one more text, refuse (429) before the body
 * is read and validated — under overload a refusal must cost far less than the work it avoids.
 * Runs with the API key check, in the security stage, so only clients with a key learn the load.
 */
export const admission = dependency({ name: 'admission', uses: { inference } }, ({ inference }) => {
  try {
    inference.batcher.assertRoom(1)
  } catch (error) {
    rethrowQueueFull(error)
  }
})

/** A full queue as the HTTP answer: 429 with `Retry-After`; anything else is rethrown. */
export function rethrowQueueFull(error: unknown): never {
  if (error instanceof QueueFullError) {
    throw new HTTPException(429, error.message, { 'retry-after': String(error.retryAfterSeconds) })
  }
  throw error
}

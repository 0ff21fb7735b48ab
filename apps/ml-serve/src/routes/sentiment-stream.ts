/**
 * `POST /v1/sentiment/stream`: the same scores as Server-Sent Events, one `result` event per text in
 * order as soon as it is scored, then `done`. A client that disconnects stops the rest: its
 * waiting texts leave the queue and are counted (`/v1/stats`, `streams`).
 */
import { post, type ServerSentEvent, serverSentEvent } from '@brisk/router'
import { admission, inference, rethrowQueueFull } from '../inference.ts'
import type { TextSentiment } from '../model/sentiment-model.ts'
import { QUEUE_FULL, SentimentRequest } from '../schemas.ts'
import { clientKey } from '../security.ts'

export const sentimentStream = post(
  '/v1/sentiment/stream',
  {
    security: [clientKey, admission],
    body: SentimentRequest,
    bodyLimit: 2 * 1024 * 1024,
    deps: { inference },
    stream: 'sse',
    responses: { 429: QUEUE_FULL },
    tags: ['sentiment'],
    summary: 'Score texts, streamed',
    description:
      'One `result` event per text (`data`: `{index, score, label, sentences}`, `id`: the index), in order, then a `done` event `{count}`. Disconnecting cancels the texts not yet scored.',
  },
  ({ body, deps }): AsyncIterableIterator<ServerSentEvent> => {
    const { batcher, streams } = deps.inference
    const cancel = new AbortController()
    let pending: Promise<TextSentiment>[]
    try {
      // Admitted (or refused with 429) before the stream starts, so a full queue is a status code.
      pending = batcher.submitEach(body.texts, cancel.signal)
    } catch (error) {
      rethrowQueueFull(error)
    }
    // Texts after a disconnect reject with the abort: those rejections are expected, not unhandled.
    for (const promise of pending) promise.catch(() => {})
    streams.started++
    let next = 0
    let finished = false
    // An iterator, not an async generator: a generator awaiting a result would queue the
    // `return()` a disconnect sends until that result came; this one cancels at once.
    return {
      [Symbol.asyncIterator]() {
        return this
      },
      async next() {
        if (next > pending.length || finished) return { done: true, value: undefined }
        if (next === pending.length) {
          next++
          finished = true
          return {
            done: false,
            value: serverSentEvent({ event: 'done', data: { count: pending.length } }),
          }
        }
        const index = next++
        const result = await pending[index]!
        return {
          done: false,
          value: serverSentEvent({
            event: 'result',
            id: String(index),
            data: { index, ...result },
          }),
        }
      },
      async return() {
        if (!finished && !cancel.signal.aborted) {
          finished = true
          const before = batcher.stats().cancelled
          cancel.abort(new Error('the client disconnected'))
          streams.disconnected++
          streams.cancelledTexts += batcher.stats().cancelled - before
        }
        return { done: true, value: undefined }
      },
    }
  },
)

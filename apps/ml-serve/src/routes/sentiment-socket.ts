/**
 * `GET /v1/sentiment/ws`: a live session over a WebSocket. The client sends `analyze` requests (each
 * named by its own id; several may be in flight) and `cancel`s; every text's result is sent as it is
 * scored, then `done`. A cancel, or the socket closing, takes the request's remaining texts out of
 * the queue; they are counted (`/v1/stats`, `sockets`), as a stream's disconnect is.
 */
import { type BriskSocket, ws } from '@brisk/router'
import type * as v from 'valibot'
import { QueueFullError } from '../batching/queue-full-error.ts'
import { admission, inference } from '../inference.ts'
import type { TextSentiment } from '../model/sentiment-model.ts'
import { QUEUE_FULL, SocketReply, SocketRequest } from '../schemas.ts'
import { clientKeyOrQuery } from '../security.ts'

type Reply = v.InferInput<typeof SocketReply>
type RequestId = v.InferOutput<typeof SocketRequest>['id']

export const sentimentSocket = ws(
  '/v1/sentiment/ws',
  {
    // Browsers cannot set headers on a WebSocket: the key may also come as `?api_key=`.
    security: [clientKeyOrQuery, admission],
    // The admission check answers 429 before the upgrade when the queue is full.
    responses: { 429: QUEUE_FULL },
    deps: { inference },
    incoming: SocketRequest,
    outgoing: SocketReply,
    // 64 texts of 5000 characters, as JSON: the HTTP routes' body limit.
    maxMessageBytes: 2 * 1024 * 1024,
    tags: ['sentiment'],
    summary: 'Score texts over a WebSocket, with cancel',
    description:
      'Send `{"type":"analyze","id","texts":[…]}`: one `result` `{id, index, score, label, sentences}` per text as it is scored, then `done`. `{"type":"cancel","id"}` stops that request (answered `cancelled`); closing the socket cancels every request in flight. Browsers pass the key as `?api_key=`.',
  },
  ({ deps }) => {
    const { batcher, sockets } = deps.inference
    const inFlight = new Map<RequestId, AbortController>()

    /** Stops one request: its waiting texts leave the queue, its running ones are dropped. */
    const stop = (id: RequestId, reason: string): number | undefined => {
      const controller = inFlight.get(id)
      if (controller === undefined) return undefined
      inFlight.delete(id)
      const before = batcher.stats().cancelled
      controller.abort(new Error(reason))
      const cancelled = batcher.stats().cancelled - before
      sockets.cancelledTexts += cancelled
      return cancelled
    }

    const analyze = async (socket: BriskSocket<Reply>, id: RequestId, texts: string[]) => {
      if (inFlight.has(id)) {
        return socket.send({
          type: 'error',
          id,
          code: 'duplicate_id',
          detail: `A request with id ${JSON.stringify(id)} is already in flight on this socket`,
        })
      }
      const controller = new AbortController()
      let pending: Promise<TextSentiment>[]
      try {
        pending = batcher.submitEach(texts, controller.signal)
      } catch (error) {
        if (!(error instanceof QueueFullError)) throw error
        return socket.send({
          type: 'error',
          id,
          code: 'queue_full',
          detail: error.message,
          retry_after: error.retryAfterSeconds,
        })
      }
      // After a cancel the unfinished texts reject with its reason: expected, not unhandled.
      for (const promise of pending) promise.catch(() => {})
      inFlight.set(id, controller)
      sockets.requests++
      const { signal } = controller
      for (const [index, promise] of pending.entries()) {
        let result: TextSentiment
        try {
          result = await promise
        } catch {
          if (signal.aborted) return
          inFlight.delete(id)
          return socket.send({
            type: 'error',
            id,
            code: 'model_failed',
            detail: 'The model could not score this request',
          })
        }
        if (signal.aborted) return
        // Waits while the client is slow to read: results queue in the batcher, not in memory here.
        await socket.send({ type: 'result', id, index, ...result })
      }
      if (signal.aborted) return
      inFlight.delete(id)
      await socket.send({ type: 'done', id })
    }

    return {
      open: () => {
        sockets.opened++
      },
      message: (socket, message) => {
        if (message.type === 'cancel') {
          const cancelled = stop(message.id, 'the client cancelled')
          if (cancelled === undefined) {
            return socket.send({
              type: 'error',
              id: message.id,
              code: 'not_in_flight',
              detail: 'No request with this id is in flight (it may have just finished)',
            })
          }
          sockets.cancelled++
          return socket.send({ type: 'cancelled', id: message.id, cancelled_texts: cancelled })
        }
        // Not awaited: a `cancel` for this request must be read while its texts are scored, on
        // every runtime, whether or not its adapter waits for one message before the next.
        analyze(socket, message.id, message.texts).catch((error: unknown) => {
          console.error('[ml-serve] a WebSocket request failed:', error)
          socket.close(1011, 'Internal Error')
        })
      },
      close: () => {
        if (inFlight.size > 0) sockets.closedInFlight++
        for (const id of [...inFlight.keys()]) stop(id, 'the socket closed')
      },
    }
  },
)

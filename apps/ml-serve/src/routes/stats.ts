/** `GET /v1/stats`: what the model, the batcher, the streams and the sockets did since startup. */
import { get } from '@brisk/router'
import * as v from 'valibot'
import { inference } from '../inference.ts'
import { model } from '../model/model.ts'

const count = v.number()

export const stats = get(
  '/v1/stats',
  {
    deps: { inference, model },
    response: v.object({
      model: v.object({ status: v.string(), calls: count, texts: count }),
      batcher: v.object({
        batches: count,
        items: count,
        largest_batch: count,
        cancelled: count,
        rejected: count,
        waiting: count,
        running: count,
      }),
      streams: v.object({ started: count, disconnected: count, cancelled_texts: count }),
      sockets: v.object({
        opened: count,
        requests: count,
        cancelled: count,
        closed_in_flight: count,
        cancelled_texts: count,
      }),
    }),
    tags: ['health'],
    summary: 'Counters: model calls, batches, cancelled and refused texts',
  },
  ({ deps }) => {
    const batcher = deps.inference.batcher.stats()
    const { streams, sockets } = deps.inference
    return {
      model: { status: deps.model.status(), ...deps.model.stats() },
      batcher: {
        batches: batcher.batches,
        items: batcher.items,
        largest_batch: batcher.largestBatch,
        cancelled: batcher.cancelled,
        rejected: batcher.rejected,
        waiting: batcher.waiting,
        running: batcher.running,
      },
      streams: {
        started: streams.started,
        disconnected: streams.disconnected,
        cancelled_texts: streams.cancelledTexts,
      },
      sockets: {
        opened: sockets.opened,
        requests: sockets.requests,
        cancelled: sockets.cancelled,
        closed_in_flight: sockets.closedInFlight,
        cancelled_texts: sockets.cancelledTexts,
      },
    }
  },
)

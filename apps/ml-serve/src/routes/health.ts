/** `GET /health`: `loading` (503) until the model answered its warm-up, then `ready` (200). */
import { get, respond } from '@brisk/router'
import * as v from 'valibot'
import { model } from '../model/model.ts'

const NotReady = v.object({ status: v.picklist(['loading', 'failed']) })

export const health = get(
  '/health',
  {
    public: true,
    deps: { model },
    response: v.object({ status: v.literal('ready'), model: v.string() }),
    responses: { 503: { schema: NotReady, description: 'The model is loading (or failed to)' } },
    tags: ['health'],
    summary: 'Readiness: is the model loaded and warmed up?',
  },
  ({ deps }) => {
    const status = deps.model.status()
    if (status !== 'ready') return respond(503, { status }, { 'retry-after': '1' })
    return { status: 'ready' as const, model: deps.model.name() ?? 'unknown' }
  },
)

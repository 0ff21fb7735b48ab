/** `GET /health`: ok once the database answered a round trip. */
import { get } from '@brisk/router'
import * as v from 'valibot'
import { shop } from '../shop.ts'

export const health = get(
  '/health',
  {
    public: true,
    deps: { shop },
    response: v.object({ status: v.literal('ok') }),
    tags: ['health'],
    summary: 'Liveness, with a database round trip',
  },
  async ({ deps }) => {
    await deps.shop.ping()
    return { status: 'ok' as const }
  },
)

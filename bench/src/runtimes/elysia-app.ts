/**
 * The Elysia peer for the in-process layer on Bun, written the way Elysia's docs recommend: `t`
 * schemas on each route (Elysia coerces the path param and strips undeclared fields itself), the
 * default ahead-of-time compilation, and `app.handle(request)` as the fetch handler.
 */
import { Elysia, t } from 'elysia'
import type { Target } from '../contract.ts'
import { userView } from '../schemas.ts'

const Variant = t.Object({
  sku: t.String({ minLength: 1, maxLength: 40 }),
  stock: t.Integer({ minimum: 0 }),
})

const ItemIn = t.Object({
  name: t.String({ minLength: 1, maxLength: 100 }),
  price: t.Number({ minimum: 0 }),
  tags: t.Array(t.String(), { maxItems: 20 }),
  dimensions: t.Object({ w: t.Number(), h: t.Number(), d: t.Number() }),
  variants: t.Array(Variant),
})

const ItemOut = t.Object({ id: t.Number(), ...ItemIn.properties })

/** Builds the Elysia app (S2 and S3) as a fetch target. */
export function createElysiaApp(): Target {
  const app = new Elysia()
    .get('/users/:id', ({ params, query }) => userView(params.id, query.fields), {
      params: t.Object({ id: t.Integer({ minimum: 1, maximum: 1e9 }) }),
      query: t.Object({ fields: t.Optional(t.String()) }),
    })
    .post('/items', ({ body, status }) => status(201, { id: 1, ...body }), {
      body: ItemIn,
      response: { 201: ItemOut },
    })
  return { fetch: (request) => app.handle(request) }
}

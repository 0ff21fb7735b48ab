/**
 * The Elysia HTTP app, as its docs show: TypeBox (`t`) schemas for inputs and responses (Elysia's
 * default `normalize` drops undeclared fields both ways; validation fails with 422),
 * `@elysiajs/jwt` for S4. Served on Node through `@elysiajs/node` (`elysia-node.ts`) and natively
 * on Bun (`http/serve-web.ts`).
 */
import { jwt } from '@elysiajs/jwt'
import { Elysia, type ElysiaConfig, t } from 'elysia'
import { catalog, defaultLimit, jwtSecret, maxLimit, meView } from './shared.ts'

const Item = t.Object({
  name: t.String({ minLength: 1, maxLength: 100 }),
  price: t.Number({ minimum: 0 }),
  tags: t.Array(t.String(), { maxItems: 20 }),
  dimensions: t.Object({ w: t.Number(), h: t.Number(), d: t.Number() }),
  variants: t.Array(
    t.Object({
      sku: t.String({ minLength: 1, maxLength: 40 }),
      stock: t.Integer({ minimum: 0 }),
    }),
  ),
})
const StoredItem = t.Composite([t.Object({ id: t.Number() }), Item])
const ItemSummary = t.Object({
  id: t.Number(),
  name: t.String(),
  price: t.Number(),
  in_stock: t.Boolean(),
})

/**
 * Builds the Elysia app (S1, S2, S3, S4, S6). `config` picks the adapter: `node()` on Node
 * (`elysia-node.ts`), none on Bun, where Elysia serves through `Bun.serve` itself.
 */
export function createElysiaHttpApp(config: ElysiaConfig<''> = {}) {
  return new Elysia(config)
    .use(jwt({ name: 'jwt', secret: jwtSecret, alg: 'HS256' }))
    .get('/', () => 'ok')
    .get(
      '/users/:id',
      ({ params: { id }, query: { fields } }) => ({
        id,
        name: `user${id}`,
        fields: fields?.split(','),
      }),
      {
        params: t.Object({ id: t.Integer({ minimum: 1, maximum: 1e9 }) }),
        query: t.Object({ fields: t.Optional(t.String()) }),
      },
    )
    .post('/items', ({ body, status }) => status(201, { ...body, id: 1 }), {
      body: Item,
      response: { 201: StoredItem },
    })
    .get('/items', ({ query }) => catalog.slice(0, query.limit ?? defaultLimit), {
      query: t.Object({ limit: t.Optional(t.Integer({ minimum: 1, maximum: maxLimit })) }),
      response: t.Array(ItemSummary),
    })
    .get('/me', async ({ jwt, headers: { authorization }, status }) => {
      const claims = authorization?.startsWith('Bearer ')
        ? await jwt.verify(authorization.slice(7))
        : false
      if (!claims) return status(401, { detail: 'Not authenticated' })
      return meView(claims)
    })
}

/**
 * Brisk's HTTP app (S1, S2, S3, S4, S6): routes as values over the shared Valibot schemas,
 * `@brisk/auth`'s OAuth2 bearer tokens for S4. No server here: Node serves it through
 * `@brisk/router/node` (`brisk.ts`), Bun and Deno through `Bun.serve` / `Deno.serve`
 * (`http/serve-web.ts`).
 */
import { createApp, get, post } from '@brisk/router'
import * as v from 'valibot'
import { readMe } from '../apps/brisk.ts'
import { Fields, ItemIn, ItemOut, storeItem, UserId, userView } from '../schemas.ts'
import { catalog, ItemSummary, Limit } from './shared.ts'

const routes = [
  get('/', ({ c }) => c.text('ok')),
  get('/users/{id}', { params: { id: UserId }, query: { fields: Fields } }, ({ params, query }) =>
    userView(params.id, query.fields),
  ),
  post('/items', { body: ItemIn, status: 201, response: ItemOut }, ({ body }) => storeItem(body)),
  get('/items', { query: { limit: Limit }, response: v.array(ItemSummary) }, ({ query }) =>
    catalog.slice(0, query.limit),
  ),
  readMe,
]

/** Builds the Brisk app (S1, S2, S3, S4, S6). */
export function createBriskHttpApp() {
  return createApp({ routes })
}

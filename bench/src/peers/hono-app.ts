/**
 * Hono + `@hono/valibot-validator` + `hono/jwt`: the in-process Hono app (S2, S3, S4) plus S1 and
 * S6. No server here: Node serves it through `@hono/node-server` (`hono.ts`), Bun and Deno through
 * `Bun.serve` / `Deno.serve` (`http/serve-web.ts`), as Hono's docs show for each.
 */
import { vValidator } from '@hono/valibot-validator'
import * as v from 'valibot'
import { createHonoApp, unprocessable } from '../apps/hono.ts'
import { catalog, defaultLimit, ItemSummary, LimitValue } from './shared.ts'

// Hono hands query values over as strings.
const ListQuery = v.object({ limit: v.optional(v.pipe(v.string(), v.toNumber(), LimitValue)) })
const ItemList = v.array(ItemSummary)

/** Builds the Hono app (S1, S2, S3, S4, S6). */
export function createHonoHttpApp() {
  const app = createHonoApp()
  app.get('/', (c) => c.text('ok'))
  app.get('/items', vValidator('query', ListQuery, unprocessable('query')), (c) => {
    const limit = c.req.valid('query').limit ?? defaultLimit
    return c.json(v.parse(ItemList, catalog.slice(0, limit)))
  })
  return app
}

/**
 * `hono-openapi`: Hono with `describeRoute`, its Standard Schema `validator` and `resolver` over the
 * shared Valibot schemas, as its docs show. Response schemas document only, so S6 parses by hand.
 */
import { serve } from '@hono/node-server'
import { Hono } from 'hono'
import { describeRoute, openAPIRouteHandler, resolver, validator } from 'hono-openapi'
import * as v from 'valibot'
import { Fields, ItemIn, ItemOut, storeItem, UserId, userView } from '../schemas.ts'
import { catalog, defaultLimit, ItemSummary, LimitValue } from './shared.ts'
import { standard422 } from './standard-422.ts'

const Params = v.object({ id: v.pipe(v.string(), v.toNumber(), UserId) })
const UserQuery = v.object({ fields: Fields })
const User = v.object({ id: v.number(), name: v.string(), fields: v.optional(v.array(v.string())) })
const ListQuery = v.object({ limit: v.optional(v.pipe(v.string(), v.toNumber(), LimitValue)) })
const ItemList = v.array(ItemSummary)

const json = (schema: v.GenericSchema, description: string) => ({
  description,
  content: { 'application/json': { schema: resolver(schema) } },
})

/** Builds the hono-openapi app (S1, S2, S3, S6). */
export function createHonoOpenApiApp() {
  const app = new Hono()
  app.get('/', describeRoute({ responses: { 200: { description: 'ok' } } }), (c) => c.text('ok'))
  app.get(
    '/users/:id',
    describeRoute({ responses: { 200: json(User, 'The user') } }),
    validator('param', Params, standard422('path')),
    validator('query', UserQuery, standard422('query')),
    (c) => c.json(userView(c.req.valid('param').id, c.req.valid('query').fields)),
  )
  app.post(
    '/items',
    describeRoute({ responses: { 201: json(ItemOut, 'The stored item') } }),
    validator('json', ItemIn, standard422('body')),
    (c) => c.json(storeItem(c.req.valid('json')), 201),
  )
  app.get(
    '/items',
    describeRoute({ responses: { 200: json(ItemList, 'Items') } }),
    validator('query', ListQuery, standard422('query')),
    (c) => {
      const limit = c.req.valid('query').limit ?? defaultLimit
      return c.json(v.parse(ItemList, catalog.slice(0, limit)))
    },
  )
  app.get(
    '/openapi.json',
    openAPIRouteHandler(app, { documentation: { info: { title: 'Bench', version: '1' } } }),
  )
  return app
}

export function listen(port: number, hostname: string): Promise<void> {
  return new Promise((resolve) => {
    serve({ fetch: createHonoOpenApiApp().fetch, port, hostname }, () => resolve())
  })
}

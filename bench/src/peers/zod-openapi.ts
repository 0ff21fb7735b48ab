/**
 * `@hono/zod-openapi`: `OpenAPIHono` with `createRoute` and its own `z`, as its docs show. Zod
 * objects strip undeclared keys; response schemas document only, so S6 parses by hand.
 */
import { serve } from '@hono/node-server'
import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi'
import { catalog, defaultLimit, maxLimit } from './shared.ts'

const User = z.object({ id: z.number(), name: z.string(), fields: z.array(z.string()).optional() })
const Variant = z.object({ sku: z.string().min(1).max(40), stock: z.number().int().min(0) })
const ItemIn = z.object({
  name: z.string().min(1).max(100),
  price: z.number().min(0),
  tags: z.array(z.string()).max(20),
  dimensions: z.object({ w: z.number(), h: z.number(), d: z.number() }),
  variants: z.array(Variant),
})
const ItemOut = ItemIn.extend({ id: z.number() })
const ItemSummary = z.object({
  id: z.number(),
  name: z.string(),
  price: z.number(),
  in_stock: z.boolean(),
})
const ItemList = z.array(ItemSummary)
const json = <TSchema extends z.ZodType>(schema: TSchema, description: string) => ({
  description,
  content: { 'application/json': { schema } },
})

const getUser = createRoute({
  method: 'get',
  path: '/users/{id}',
  request: {
    params: z.object({ id: z.coerce.number().int().min(1).max(1e9) }),
    query: z.object({ fields: z.string().optional() }),
  },
  responses: { 200: json(User, 'The user') },
})

const createItem = createRoute({
  method: 'post',
  path: '/items',
  request: { body: { content: { 'application/json': { schema: ItemIn } }, required: true } },
  responses: { 201: json(ItemOut, 'The stored item') },
})

const listItems = createRoute({
  method: 'get',
  path: '/items',
  request: { query: z.object({ limit: z.coerce.number().int().min(1).max(maxLimit).optional() }) },
  responses: { 200: json(ItemList, 'Items') },
})

/** Builds the @hono/zod-openapi app (S1, S2, S3, S6). */
export function createZodOpenApiApp() {
  const app = new OpenAPIHono({
    defaultHook: (result, c) => {
      if (!result.success) return c.json({ detail: result.error.issues }, 422)
    },
  })
  app.get('/', (c) => c.text('ok'))
  app.openapi(getUser, (c) => {
    const { id } = c.req.valid('param')
    const { fields } = c.req.valid('query')
    return c.json({ id, name: `user${id}`, fields: fields?.split(',') }, 200)
  })
  app.openapi(createItem, (c) => c.json({ ...c.req.valid('json'), id: 1 }, 201))
  app.openapi(listItems, (c) => {
    const limit = c.req.valid('query').limit ?? defaultLimit
    return c.json(ItemList.parse(catalog.slice(0, limit)), 200)
  })
  app.doc('/openapi.json', { openapi: '3.1.0', info: { title: 'Bench', version: '1' } })
  return app
}

export function listen(port: number, hostname: string): Promise<void> {
  return new Promise((resolve) => {
    serve({ fetch: createZodOpenApiApp().fetch, port, hostname }, () => resolve())
  })
}

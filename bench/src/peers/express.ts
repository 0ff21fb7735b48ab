/**
 * Express 5 + zod: `express.json()` for the body, zod `safeParse` in each handler (zod objects strip
 * undeclared keys), `res.json` to answer, as both libraries' docs show. No JWT of its own: no S4.
 */
import express from 'express'
import { z } from 'zod'
import { catalog, defaultLimit, maxLimit } from './shared.ts'

const Params = z.object({ id: z.coerce.number().int().min(1).max(1e9) })
const UserQuery = z.object({ fields: z.string().optional() })
const Variant = z.object({ sku: z.string().min(1).max(40), stock: z.number().int().min(0) })
const ItemIn = z.object({
  name: z.string().min(1).max(100),
  price: z.number().min(0),
  tags: z.array(z.string()).max(20),
  dimensions: z.object({ w: z.number(), h: z.number(), d: z.number() }),
  variants: z.array(Variant),
})
const ListQuery = z.object({ limit: z.coerce.number().int().min(1).max(maxLimit).optional() })
const ItemList = z.array(
  z.object({ id: z.number(), name: z.string(), price: z.number(), in_stock: z.boolean() }),
)

function invalid(res: express.Response, error: z.ZodError) {
  res.status(422).json({ detail: error.issues })
}

/** Builds the Express app (S1, S2, S3, S6). */
export function createExpressApp() {
  const app = express()
  app.use(express.json())
  app.get('/', (_req, res) => {
    res.type('text/plain').send('ok')
  })
  app.get('/users/:id', (req, res) => {
    const params = Params.safeParse(req.params)
    if (!params.success) return invalid(res, params.error)
    const query = UserQuery.safeParse(req.query)
    if (!query.success) return invalid(res, query.error)
    const { id } = params.data
    res.json({ id, name: `user${id}`, fields: query.data.fields?.split(',') })
  })
  app.post('/items', (req, res) => {
    const body = ItemIn.safeParse(req.body)
    if (!body.success) return invalid(res, body.error)
    res.status(201).json({ ...body.data, id: 1 })
  })
  app.get('/items', (req, res) => {
    const query = ListQuery.safeParse(req.query)
    if (!query.success) return invalid(res, query.error)
    res.json(ItemList.parse(catalog.slice(0, query.data.limit ?? defaultLimit)))
  })
  return app
}

export function listen(port: number, hostname: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const server = createExpressApp().listen(port, hostname, (error) =>
      error ? reject(error) : resolve(),
    )
    server.once('error', reject)
  })
}

/**
 * Fastify 5 as its docs recommend: JSON Schema for validation (Ajv, which coerces params and drops
 * undeclared properties) and for responses (its compiled serializer, which skips undeclared ones),
 * `@fastify/jwt` for S4. Validation errors answer 422 through `setErrorHandler`.
 */
import fastifyJwt from '@fastify/jwt'
import Fastify, { type FastifyError } from 'fastify'
import { catalog, defaultLimit, jwtSecret, maxLimit, meView } from './shared.ts'

const string = { type: 'string' } as const
const number = { type: 'number' } as const
const object = (properties: Record<string, object>, required = Object.keys(properties)) => ({
  type: 'object',
  properties,
  required,
  additionalProperties: false,
})

const user = object({ id: number, name: string, fields: { type: 'array', items: string } }, [
  'id',
  'name',
])
const variant = object({
  sku: { type: 'string', minLength: 1, maxLength: 40 },
  stock: { type: 'integer', minimum: 0 },
})
const itemProperties = {
  name: { type: 'string', minLength: 1, maxLength: 100 },
  price: { type: 'number', minimum: 0 },
  tags: { type: 'array', items: string, maxItems: 20 },
  dimensions: object({ w: number, h: number, d: number }),
  variants: { type: 'array', items: variant },
}
const itemSummary = object({
  id: number,
  name: string,
  price: number,
  in_stock: { type: 'boolean' },
})

interface Item {
  name: string
  price: number
  tags: string[]
  dimensions: { w: number; h: number; d: number }
  variants: { sku: string; stock: number }[]
}

/** Builds the Fastify app (S1, S2, S3, S4, S6). */
export function createFastifyApp() {
  const app = Fastify()
  app.register(fastifyJwt, { secret: jwtSecret })
  app.setErrorHandler((error: FastifyError, _request, reply) => {
    if (error.validation) return reply.status(422).send({ detail: error.validation })
    return reply.send(error)
  })

  app.get('/', async () => 'ok')
  app.get<{ Params: { id: number }; Querystring: { fields?: string } }>(
    '/users/:id',
    {
      schema: {
        params: object({ id: { type: 'integer', minimum: 1, maximum: 1e9 } }),
        querystring: object({ fields: string }, []),
        response: { 200: user },
      },
    },
    async (request) => {
      const { id } = request.params
      const { fields } = request.query
      return { id, name: `user${id}`, fields: fields?.split(',') }
    },
  )
  app.post<{ Body: Item }>(
    '/items',
    {
      schema: {
        body: object(itemProperties),
        response: { 201: object({ id: number, ...itemProperties }) },
      },
    },
    async (request, reply) => reply.status(201).send({ ...request.body, id: 1 }),
  )
  app.get<{ Querystring: { limit?: number } }>(
    '/items',
    {
      schema: {
        querystring: object({ limit: { type: 'integer', minimum: 1, maximum: maxLimit } }, []),
        response: { 200: { type: 'array', items: itemSummary } },
      },
    },
    async (request) => catalog.slice(0, request.query.limit ?? defaultLimit),
  )
  app.get('/me', { onRequest: (request) => request.jwtVerify() }, async (request) =>
    meView(request.user as { sub?: unknown; scope?: unknown }),
  )
  return app
}

export async function listen(port: number, hostname: string): Promise<void> {
  await createFastifyApp().listen({ port, host: hostname })
}

/**
 * The Brisk hello app: typed path, query and body inputs, a response schema that keeps secrets in,
 * an HTTPException, and a token stream — one module that serves on Node, Bun, Deno and Workers.
 */
import { createApp, get, HTTPException, post, router } from '@brisk/router'
import * as v from 'valibot'

const Item = v.object({
  name: v.pipe(v.string(), v.minLength(1), v.maxLength(100)),
  price: v.pipe(v.number(), v.minValue(0)),
  tags: v.optional(v.array(v.string()), []),
})

const StoredItem = v.object({ id: v.number(), ...Item.entries })

const PublicUser = v.object({ id: v.number(), name: v.string(), email: v.string() })

const users = new Map([
  [1, { id: 1, name: 'Ada', email: 'ada@example.com', password_hash: 'pbkdf2$…' }],
  [2, { id: 2, name: 'Grace', email: 'grace@example.com', password_hash: 'pbkdf2$…' }],
])

const items = router({ prefix: '/items', tags: ['items'] }, [
  get(
    '/{item_id}',
    {
      params: { item_id: v.pipe(v.number(), v.integer(), v.minValue(1)) },
      query: { q: v.optional(v.pipe(v.string(), v.maxLength(50))) },
      summary: 'Read an item',
    },
    ({ params, query }) => ({ item_id: params.item_id, q: query.q ?? null }),
  ),
  post(
    '/',
    { body: Item, status: 201, response: StoredItem, summary: 'Create an item' },
    ({ body }) => ({ id: 1, ...body }),
  ),
])

const readUser = get(
  '/users/{user_id}',
  { params: { user_id: v.pipe(v.number(), v.integer()) }, response: PublicUser, tags: ['users'] },
  ({ params }) => {
    const user = users.get(params.user_id)
    if (!user) throw new HTTPException(404, 'User not found')
    return user // password_hash is filtered out by the response schema
  },
)

const generate = get(
  '/generate',
  {
    query: {
      prompt: v.pipe(v.string(), v.minLength(1)),
      max_tokens: v.optional(v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(64)), 8),
    },
    stream: 'sse',
    summary: 'Stream tokens from a (toy) model',
  },
  async function* ({ query }) {
    const words = query.prompt.split(/\s+/)
    for (let i = 0; i < query.max_tokens; i++) yield { token: words[i % words.length], index: i }
  },
)

export const app = createApp({
  routes: [get('/', () => ({ message: 'Hello from Brisk' })), items, readUser, generate],
})

export default app

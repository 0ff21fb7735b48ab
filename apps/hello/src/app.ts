/**
 * The Brisk hello app: typed path, query and body inputs, a response schema that keeps secrets in,
 * an HTTPException, dependencies (an app-scoped store, a request-scoped request id read from a
 * header), and a token stream — one module that serves on Node, Bun, Deno and Workers.
 */
import { openapi } from '@brisk/openapi'
import { createApp, dependency, get, HTTPException, post, router } from '@brisk/router'
import * as v from 'valibot'
import { oauth2, tokenRoute } from './auth.ts'
import { openItemStore } from './store.ts'

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

/** One store for the whole app, closed when the app shuts down. */
export const itemStore = dependency({ scope: 'app', name: 'itemStore' }, function* () {
  const store = openItemStore()
  yield store
  store.close()
})

/** The caller's request id, or a new one: a request-scoped dependency reading a header. */
export const requestId = dependency(
  {
    name: 'requestId',
    inputs: { headers: { x_request_id: v.optional(v.pipe(v.string(), v.maxLength(64))) } },
  },
  (_, { inputs }) => inputs.headers.x_request_id ?? crypto.randomUUID(),
)

const items = router({ prefix: '/items', tags: ['items'] }, [
  get(
    '/{item_id}',
    {
      params: { item_id: v.pipe(v.number(), v.integer(), v.minValue(1)) },
      deps: { store: itemStore },
      response: StoredItem,
      summary: 'Read an item',
    },
    ({ params, deps }) => {
      const item = deps.store.get(params.item_id)
      if (!item) throw new HTTPException(404, 'Item not found')
      return item
    },
  ),
  post(
    '',
    {
      body: Item,
      deps: { store: itemStore, requestId },
      security: [oauth2.requireScopes(['items:write'])],
      status: 201,
      response: StoredItem,
      summary: 'Create an item',
      description: 'Needs a token with the `items:write` scope (log in as alice).',
    },
    ({ body, deps, c }) => {
      c.header('x-request-id', deps.requestId)
      return deps.store.add(body)
    },
  ),
])

const search = get(
  '/search',
  {
    query: {
      q: v.pipe(v.string(), v.minLength(1), v.maxLength(50)),
      limit: v.optional(v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(100)), 10),
      tag: v.optional(v.array(v.string()), []),
    },
    summary: 'Echo a search: coerced query values and repeated keys',
  },
  ({ query }) => query,
)

const readUser = get(
  '/users/{user_id}',
  {
    params: { user_id: v.pipe(v.number(), v.integer()) },
    response: PublicUser,
    responses: { 404: { description: 'No such user' } },
    tags: ['users'],
    summary: 'Read a user',
  },
  ({ params }) => {
    const user = users.get(params.user_id)
    if (!user) throw new HTTPException(404, 'User not found')
    return user // password_hash is filtered out by the response schema
  },
)

const me = get(
  '/me',
  {
    deps: { user: oauth2.user },
    tags: ['auth'],
    summary: 'Who am I',
    description: 'Needs a valid access token.',
  },
  ({ deps }) => ({ subject: deps.user.subject, scopes: deps.user.scopes }),
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
  routes: [
    get('/', { summary: 'Say hello' }, () => ({ message: 'Hello from Brisk' })),
    tokenRoute,
    me,
    items,
    search,
    readUser,
    generate,
  ],
})

/** The OpenAPI document at /openapi.json (the Node entry adds the /docs page). */
export const spec = openapi(app, {
  info: {
    title: 'Brisk hello',
    version: '0.1.0',
    description: 'The main Brisk example: typed inputs, response schemas, dependencies, streaming.',
  },
  tags: [
    { name: 'items', description: 'Items in an in-memory store' },
    { name: 'users', description: 'Users, without their password hashes' },
    { name: 'auth', description: 'OAuth2 password flow: alice/wonderland or bob/builder' },
  ],
  schemas: { Item, StoredItem, PublicUser },
})

export default app

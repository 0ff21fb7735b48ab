import { jwtTokens, oauth2Password } from '@brisk/auth'
import { createApp, get, post, router, ws } from '@brisk/router'
import * as v from 'valibot'
import { describe, expectTypeOf, it } from 'vitest'
import type { ErrorDetail, HTTPValidationError } from './client-result.ts'
import { createClient } from './create-client.ts'

const Item = v.object({ id: v.number(), name: v.string(), price: v.number() })
const ItemIn = v.object({
  name: v.string(),
  price: v.number(),
  tags: v.optional(v.array(v.string())),
})

const oauth2 = oauth2Password({
  tokenUrl: '/auth/token',
  scopes: { 'items:write': 'Create items' },
  tokens: jwtTokens({
    secret: 'a-secret-of-at-least-thirty-two-bytes!!',
    issuer: 'x',
    audience: 'x',
  }),
})

const items = router({ prefix: '/items', tags: ['items'] }, [
  get(
    '/{item_id}',
    {
      params: { item_id: v.pipe(v.number(), v.integer()) },
      query: { verbose: v.optional(v.boolean()) },
      responses: { 200: Item, 404: { schema: v.object({ detail: v.string() }) } },
    },
    ({ params }) => ({ id: params.item_id, name: 'x', price: 1 }),
  ),
  post('', { body: ItemIn, response: Item, status: 201 }, ({ body }) => ({ id: 1, ...body })),
  get(
    '/search',
    { query: { q: v.string(), limit: v.optional(v.number(), 10) } },
    () => [] as string[],
  ),
  get('/events', { stream: { format: 'sse', item: Item } }, async function* () {
    yield { id: 1, name: 'x', price: 1 }
  }),
])

const app = createApp({
  security: [oauth2.user],
  routes: [
    items,
    oauth2.tokenRoute({ authenticate: () => undefined }),
    get('/health', { public: true, response: v.object({ status: v.literal('ok') }) }, () => ({
      status: 'ok' as const,
    })),
    get('/whoami', { headers: { x_request_id: v.string() } }, () => 'me'),
    ws('/live', { public: true }, () => ({})),
  ],
})

const api = createClient<typeof app>('http://127.0.0.1:8000')

describe('createClient types', () => {
  it('offers every path, router prefixes joined, with the methods served there', () => {
    expectTypeOf<keyof typeof api>().toEqualTypeOf<
      | '/items/{item_id}'
      | '/items'
      | '/items/search'
      | '/items/events'
      | '/auth/token'
      | '/health'
      | '/whoami'
    >() // not '/live': a WebSocket route is not an HTTP call
    expectTypeOf<keyof (typeof api)['/items/{item_id}']>().toEqualTypeOf<'get' | 'head'>()
    expectTypeOf<keyof (typeof api)['/items']>().toEqualTypeOf<'post'>()
    // @ts-expect-error the path is served for POST only
    api['/items'].get()
  })

  it('types inputs from the schemas and results per status', async () => {
    const answer = await api['/items/{item_id}'].get({ params: { item_id: 3 } })
    if (answer.status === 200) expectTypeOf(answer.data).toEqualTypeOf<v.InferOutput<typeof Item>>()
    if (answer.status === 404) expectTypeOf(answer.data).toEqualTypeOf<{ detail: string }>()
    if (answer.status === 422) expectTypeOf(answer.data).toEqualTypeOf<HTTPValidationError>()
    if (answer.status === 401) expectTypeOf(answer.data).toEqualTypeOf<ErrorDetail>()
    expectTypeOf(answer.status).toEqualTypeOf<200 | 404 | 401 | 403 | 422 | 500>()
  })

  it('uses the declared default status and adds 413/415 for a body', async () => {
    const created = await api['/items'].post({ body: { name: 'pen', price: 2 } })
    expectTypeOf(created.status).toEqualTypeOf<201 | 401 | 403 | 413 | 415 | 422 | 500>()
    if (created.status === 201) expectTypeOf(created.data.id).toEqualTypeOf<number>()
  })

  it('leaves out 401/403 on public routes and types their default body', async () => {
    const health = await api['/health'].get()
    expectTypeOf(health.status).toEqualTypeOf<200 | 422 | 500>()
    if (health.status === 200) expectTypeOf(health.data).toEqualTypeOf<{ status: 'ok' }>()
  })

  it('sends the token form as `form`, typed from the documented body', async () => {
    const token = await api['/auth/token'].post({
      form: { grant_type: 'password', username: 'ada', password: 'secret' },
    })
    if (token.status === 200) expectTypeOf(token.data.access_token).toEqualTypeOf<string>()
    if (token.status === 400)
      expectTypeOf(token.data.error).toEqualTypeOf<
        'invalid_request' | 'unsupported_grant_type' | 'invalid_grant' | 'invalid_scope'
      >()
  })

  it('returns a stream route as an async iterable of its items', async () => {
    const events = await api['/items/events'].get()
    if (events.status === 200) {
      expectTypeOf(events.data).toEqualTypeOf<AsyncIterable<v.InferOutput<typeof Item>>>()
    }
  })

  it('takes optional inputs as optional, and extra headers', async () => {
    await api['/items/search'].get({ query: { q: 'pen' } })
    await api['/health'].get({ headers: { authorization: 'Bearer x' } })
    await api['/whoami'].get({ headers: { x_request_id: 'r1', authorization: 'Bearer x' } })
    await api['/health'].head()
  })

  it('refuses what the route would refuse', async () => {
    // @ts-expect-error a path the app does not serve
    await api['/nope'].get()
    // @ts-expect-error a parameter of the wrong type
    await api['/items/{item_id}'].get({ params: { item_id: 'three' } })
    // @ts-expect-error the path parameter is missing
    await api['/items/{item_id}'].get({})
    // @ts-expect-error the required query field is missing
    await api['/items/search'].get({ query: {} })
    // @ts-expect-error the options are required when a field is
    await api['/items/search'].get()
    // @ts-expect-error a body of the wrong shape
    await api['/items'].post({ body: { name: 'pen', price: '2' } })
    // @ts-expect-error a required header is missing
    await api['/whoami'].get({ headers: { authorization: 'Bearer x' } })
    const answer = await api['/items/{item_id}'].get({ params: { item_id: 3 } })
    // @ts-expect-error `data` is a union until the status is narrowed
    answer.data.name
  })
})

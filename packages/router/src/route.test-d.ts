import type { Context } from 'hono'
import * as v from 'valibot'
import { describe, expectTypeOf, it } from 'vitest'
import { respond } from './respond.ts'
import { get, post } from './route.ts'

const User = v.object({ id: v.number(), name: v.string() })

describe('route types', () => {
  it('gives the handler the output type of each input location', () => {
    get(
      '/users/{id}',
      {
        params: { id: v.pipe(v.number(), v.integer()) },
        query: { limit: v.optional(v.number(), 10), q: v.optional(v.string()) },
        headers: { x_token: v.string() },
      },
      ({ params, query, headers, request, c }) => {
        expectTypeOf(params.id).toEqualTypeOf<number>()
        expectTypeOf(query.limit).toEqualTypeOf<number>()
        expectTypeOf(query.q).toEqualTypeOf<string | undefined>()
        expectTypeOf(headers.x_token).toEqualTypeOf<string>()
        expectTypeOf(request).toEqualTypeOf<Request>()
        expectTypeOf(c).toEqualTypeOf<Context>()
        return {}
      },
    )
  })

  it('types the JSON body', () => {
    post(
      '/items',
      { body: v.object({ name: v.string(), tags: v.array(v.string()) }) },
      ({ body }) => {
        expectTypeOf(body).toEqualTypeOf<{ name: string; tags: string[] }>()
        return body
      },
    )
  })

  it('rejects a handler whose return value does not match the response schema', () => {
    get('/ok', { response: User }, () => ({ id: 1, name: 'a', extra: true }))
    get('/ok-async', { response: User }, async () => ({ id: 1, name: 'a' }))
    // @ts-expect-error `id` must be a number
    get('/bad', { response: User }, () => ({ id: '1', name: 'a' }))
    // @ts-expect-error `name` is missing
    get('/bad-async', { response: User }, async () => ({ id: 1 }))
  })

  it('checks respond() against the schema of its status', () => {
    const responses = { 200: User, 404: { schema: v.object({ message: v.string() }) } }
    get('/r', { responses }, () => respond(404, { message: 'x' }))
    // @ts-expect-error 404 wants a message string
    get('/r2', { responses }, () => respond(404, { message: 1 }))
    // @ts-expect-error 418 is not a declared status
    get('/r3', { responses }, () => respond(418, {}))
  })

  it('allows a Response from any handler', () => {
    get('/raw', { response: User }, () => new Response('x'))
  })

  it('types stream items by the item schema', () => {
    get(
      '/s',
      { stream: { format: 'ndjson', item: v.object({ t: v.string() }) } },
      async function* () {
        yield { t: 'a' }
      },
    )
    const stream = { format: 'ndjson', item: v.object({ t: v.string() }) } as const
    const wrongItems = async function* () {
      yield { t: 1 }
    }
    // @ts-expect-error items must match the item schema
    get('/s2', { stream }, wrongItems)
  })

  it('refuses unknown input locations and options', () => {
    // @ts-expect-error `querry` is not an option
    get('/typo', { querry: { a: v.string() } }, () => ({}))
  })
})

import { createApp, get, post } from '@brisk/router'
import * as v from 'valibot'
import { describe, expect, it } from 'vitest'
import { createClient } from './create-client.ts'

const seen: Request[] = []
const app = createApp({
  routes: [
    get(
      '/search',
      {
        query: {
          q: v.string(),
          tag: v.optional(v.array(v.string())),
          page: v.optional(v.number()),
        },
      },
      ({ query }) => query,
    ),
    get('/files/{path:path}', { params: { path: v.string() } }, ({ params }) => params),
    get('/plain', () => new Response('hello', { headers: { 'content-type': 'text/plain' } })),
    post('/empty', { status: 204 }, () => new Response(null, { status: 204 })),
    get('/auth', { headers: { authorization: v.optional(v.string()) } }, ({ headers }) => headers),
  ],
})
const api = createClient<typeof app>('http://app.test/', {
  fetch: (request) => {
    seen.push(request)
    return app.request(request)
  },
})

describe('createClient', () => {
  it('repeats array query values and leaves out undefined ones', async () => {
    const answer = await api['/search'].get({
      query: { q: 'a&b', tag: ['x', 'y'], page: undefined },
    })
    expect(new URL(seen.at(-1)!.url).search).toBe('?q=a%26b&tag=x&tag=y')
    expect(answer.data).toEqual({ q: 'a&b', tag: ['x', 'y'] })
  })

  it('keeps the slashes of a {name:path} parameter and escapes the rest', async () => {
    const answer = await api['/files/{path:path}'].get({ params: { path: 'a b/c%d' } })
    expect(new URL(seen.at(-1)!.url).pathname).toBe('/files/a%20b/c%25d')
    expect(answer.data).toEqual({ path: 'a b/c%d' })
  })

  it('reads text answers as text and bodiless ones as undefined', async () => {
    expect((await api['/plain'].get()).data).toBe('hello')
    const empty = await api['/empty'].post()
    expect(empty.status).toBe(204)
    expect(empty.data).toBeUndefined()
    const head = await api['/plain'].head()
    expect(head.status).toBe(200)
    expect(head.data).toBeUndefined()
  })

  it('asks a headers function before each call, and per-call headers win', async () => {
    let token = 'one'
    const withToken = createClient<typeof app>('http://app.test', {
      fetch: (request) => app.request(request),
      headers: () => ({ authorization: `Bearer ${token}` }),
    })
    expect((await withToken['/auth'].get()).data).toEqual({ authorization: 'Bearer one' })
    token = 'two'
    expect((await withToken['/auth'].get()).data).toEqual({ authorization: 'Bearer two' })
    const own = await withToken['/auth'].get({ headers: { authorization: 'Basic x' } })
    expect(own.data).toEqual({ authorization: 'Basic x' })
  })

  it('throws before sending when a path parameter is missing (a call the types refuse)', async () => {
    const untyped = api as unknown as Record<string, { get(options: object): Promise<unknown> }>
    await expect(untyped['/files/{path:path}']!.get({ params: {} })).rejects.toThrow(
      "path parameter 'path' of '/files/{path:path}' is missing",
    )
  })
})

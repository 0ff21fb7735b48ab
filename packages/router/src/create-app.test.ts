import { Hono } from 'hono'
import { cors } from 'hono/cors'
import * as v from 'valibot'
import { describe, expect, it } from 'vitest'
import { createApp } from './create-app.ts'
import { get, post } from './route.ts'
import { router } from './router.ts'

const readUser = get(
  '/users/{id}',
  {
    params: { id: v.pipe(v.number(), v.integer()) },
    query: { fields: v.optional(v.string()) },
    summary: 'Read a user',
  },
  ({ params, query }) => ({ id: params.id, fields: query.fields?.split(',') ?? [] }),
)

describe('createApp', () => {
  it('serves a route with validated, coerced inputs', async () => {
    const app = createApp({ routes: [readUser] })
    const res = await app.request('/users/42?fields=name,email')
    expect(res.status).toBe(200)
    expect(await res.json()).toEqual({ id: 42, fields: ['name', 'email'] })
  })

  it('answers invalid input with a 422 naming the location', async () => {
    const app = createApp({ routes: [readUser] })
    const res = await app.request('/users/abc')
    expect(res.status).toBe(422)
    const body = (await res.json()) as { detail: { type: string; loc: unknown[] }[] }
    expect(body.detail[0]).toMatchObject({ type: 'int_parsing', loc: ['path', 'id'] })
  })

  it('answers unknown paths with 404 and wrong methods with 405 and Allow', async () => {
    const app = createApp({
      routes: [readUser, post('/users/{id}', { params: { id: v.string() } }, () => ({}))],
    })
    const missing = await app.request('/nope')
    expect(missing.status).toBe(404)
    expect(await missing.json()).toEqual({ detail: 'Not Found' })
    const wrong = await app.request('/users/1', { method: 'DELETE' })
    expect(wrong.status).toBe(405)
    expect(wrong.headers.get('allow')).toBe('GET, HEAD, POST')
    expect(await wrong.json()).toEqual({ detail: 'Method Not Allowed' })
  })

  it('nests routers, joining prefixes and merging tags', async () => {
    const inner = router({ prefix: '/users', tags: ['users'] }, [readUser])
    const app = createApp({ routes: [router({ prefix: '/api/v1', tags: ['v1'] }, [inner])] })
    expect((await app.request('/api/v1/users/users/7')).status).toBe(200)
    const [operation] = app.operations
    expect(operation).toMatchObject({
      method: 'GET',
      path: '/api/v1/users/users/{id}',
      honoPath: '/api/v1/users/users/:id',
      tags: ['v1', 'users'],
      summary: 'Read a user',
      operationId: 'get_api_v1_users_users_id',
      status: 200,
      deprecated: false,
    })
  })

  it('refuses at startup a path parameter the schema does not declare, and the reverse', () => {
    expect(() => createApp({ routes: [get('/items/{id}', () => ({}))] })).toThrow(
      "Route GET /items/{id}: path parameter(s) 'id' not declared in 'params'",
    )
    expect(() =>
      createApp({ routes: [get('/items', { params: { id: v.string() } }, () => ({}))] }),
    ).toThrow("Route GET /items: 'params' declares 'id' but the path has no such {placeholder}")
  })

  it('refuses duplicate routes and duplicate operation ids at startup', () => {
    const a = get('/a/{x}', { params: { x: v.string() } }, () => ({}))
    const b = get('/a/{y}', { params: { y: v.string() } }, () => ({}))
    expect(() => createApp({ routes: [a, b] })).toThrow('Route GET /a/{y} is declared twice')
    const c = get('/c', { operationId: 'same' }, () => ({}))
    const d = get('/d', { operationId: 'same' }, () => ({}))
    expect(() => createApp({ routes: [c, d] })).toThrow("share the operationId 'same'")
  })

  it('keeps derived operation ids unique when two paths spell alike', () => {
    const app = createApp({ routes: [get('/a-b', () => 1), get('/a/b', () => 2)] })
    expect(app.operations.map((op) => op.operationId)).toEqual(['get_a_b', 'get_a_b_2'])
  })

  it('answers HEAD for GET routes', async () => {
    const app = createApp({ routes: [readUser] })
    const res = await app.request('/users/1', { method: 'HEAD' })
    expect(res.status).toBe(200)
    expect(await res.text()).toBe('')
  })

  it('runs Hono middleware before routes', async () => {
    const app = createApp({ routes: [readUser], middleware: [cors({ origin: 'https://a.test' })] })
    const res = await app.request('/users/1', { headers: { origin: 'https://a.test' } })
    expect(res.headers.get('access-control-allow-origin')).toBe('https://a.test')
  })

  it('mounts inside an existing Hono app', async () => {
    const host = new Hono().get('/health', (c) => c.text('ok'))
    host.route('/api', createApp({ routes: [readUser] }))
    expect(await (await host.request('/health')).text()).toBe('ok')
    expect(await (await host.request('/api/users/3')).json()).toEqual({ id: 3, fields: [] })
  })

  it('answers malformed percent-encoding in the path with 400 or 404, never 500', async () => {
    const app = createApp({
      routes: [get('/files/{name}', { params: { name: v.string() } }, ({ params }) => params)],
    })
    const res = await app.request('/files/%E0%A4%A')
    expect(res.status).toBe(400)
    expect(await res.json()).toEqual({ detail: 'Malformed percent-encoding in the URL path' })
    expect(await (await app.request('/files/100%25%20off')).json()).toEqual({ name: '100% off' })
    expect((await app.request('/%zz')).status).toBe(404)
  })
})

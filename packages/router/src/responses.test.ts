import { inspect } from 'node:util'
import * as v from 'valibot'
import { describe, expect, it, vi } from 'vitest'
import { createApp } from './create-app.ts'
import { respond } from './respond.ts'
import { ResponseValidationError } from './response-validation-error.ts'
import { del, get, post } from './route.ts'

const User = v.object({ id: v.number(), name: v.string() })

describe('responses', () => {
  it('filters the returned value through the response schema', async () => {
    const app = createApp({
      routes: [get('/me', { response: User }, () => ({ id: 1, name: 'ada', password_hash: 'x' }))],
    })
    const res = await app.request('/me')
    expect(await res.json()).toEqual({ id: 1, name: 'ada' })
  })

  it('uses the declared default status', async () => {
    const app = createApp({
      routes: [post('/users', { status: 201, response: User }, () => ({ id: 1, name: 'a' }))],
    })
    expect((await app.request('/users', { method: 'POST' })).status).toBe(201)
  })

  it('applies transforms of the response schema', async () => {
    const Out = v.object({
      at: v.pipe(
        v.date(),
        v.transform((d) => d.toISOString()),
      ),
    })
    const app = createApp({ routes: [get('/t', { response: Out }, () => ({ at: new Date(0) }))] })
    expect(await (await app.request('/t')).json()).toEqual({ at: '1970-01-01T00:00:00.000Z' })
  })

  it('sends a value for another status through that status schema', async () => {
    const NotFound = v.object({ message: v.string() })
    const app = createApp({
      routes: [
        get(
          '/u/{id}',
          {
            params: { id: v.number() },
            responses: { 200: User, 404: { schema: NotFound, description: 'gone' } },
          },
          ({ params }) =>
            params.id === 1
              ? { id: 1, name: 'a' }
              : respond(404, { message: 'no user', secret: 's' } as { message: string }, {
                  'x-why': 'gone',
                }),
        ),
      ],
    })
    const res = await app.request('/u/2')
    expect(res.status).toBe(404)
    expect(res.headers.get('x-why')).toBe('gone')
    expect(await res.json()).toEqual({ message: 'no user' })
  })

  it('answers 204 with no body when the handler returns undefined', async () => {
    const app = createApp({ routes: [del('/x', () => undefined)] })
    const res = await app.request('/x', { method: 'DELETE' })
    expect(res.status).toBe(204)
    expect(await res.text()).toBe('')
  })

  it('passes a returned Response through untouched', async () => {
    const app = createApp({
      routes: [
        get(
          '/raw',
          { response: User },
          () => new Response('raw', { status: 418, headers: { 'x-a': 'b' } }),
        ),
      ],
    })
    const res = await app.request('/raw')
    expect(res.status).toBe(418)
    expect(res.headers.get('x-a')).toBe('b')
    expect(await res.text()).toBe('raw')
  })

  it('never sends a value that fails its schema: 500, reported with route and issues', async () => {
    const onError = vi.fn()
    const app = createApp({
      onError,
      routes: [
        get(
          '/bad',
          { response: User },
          () => ({ id: 'one', name: 'a' }) as unknown as { id: number; name: string },
        ),
      ],
    })
    const res = await app.request('/bad')
    expect(res.status).toBe(500)
    expect(await res.json()).toEqual({ detail: 'Internal Server Error' })
    const [error, info] = onError.mock.calls[0] as [
      ResponseValidationError,
      { operation: { path: string } },
    ]
    expect(error).toBeInstanceOf(ResponseValidationError)
    expect(error.message).toContain('GET /bad returned a 200 body that fails its schema: id:')
    expect(info.operation.path).toBe('/bad')
    // Logged, it is its message and stack: the operation and issues are there but not printed.
    expect(error.operation.path).toBe('/bad')
    expect(error.issues.length).toBeGreaterThan(0)
    const printed = inspect(error)
    expect(printed).not.toContain('honoPath')
    expect(printed).not.toContain('issues:')
    expect(
      printed.split('\n').filter((line) => !line.trimStart().startsWith('at ')).length,
    ).toBeLessThan(6)
  })

  it('runs sync handlers without promises', () => {
    const app = createApp({ routes: [get('/sync', () => ({ ok: true }))] })
    const res = app.fetch(new Request('http://x/sync'))
    expect(res).toBeInstanceOf(Response)
  })
})

describe('statuses without a body', () => {
  it('answers 204 and 304 with no body even when the handler returns one', async () => {
    const app = createApp({
      routes: [
        del('/b', { status: 204 }, () => ({ ok: true })),
        get('/c', () => respond(304, null)),
      ],
    })
    const deleted = await app.request('/b', { method: 'DELETE' })
    expect(deleted.status).toBe(204)
    expect(await deleted.text()).toBe('')
    const cached = await app.request('/c')
    expect(cached.status).toBe(304)
    expect(await cached.text()).toBe('')
  })
})

import * as v from 'valibot'
import { describe, expect, it, vi } from 'vitest'
import { createApp } from './create-app.ts'
import { dependency } from './dependency.ts'
import { HTTPException } from './http-exception.ts'
import { get, post } from './route.ts'
import { router } from './router.ts'

/** A fake resource that counts what is open, to prove teardown balances. */
function resource() {
  const state = { open: 0, opened: 0, log: [] as string[] }
  const dep = dependency({ name: 'resource' }, async function* () {
    state.open++
    state.opened++
    try {
      yield { id: state.opened }
    } finally {
      state.open--
    }
  })
  return { state, dep }
}

describe('dependencies in routes', () => {
  it('hands the handler its resolved dependencies, each run once per request', async () => {
    let runs = 0
    const counter = dependency(() => ++runs)
    const doubled = dependency({ uses: { counter } }, ({ counter }) => counter * 2)
    const app = createApp({
      routes: [get('/d', { deps: { counter, doubled } }, ({ deps }) => deps)],
    })
    expect(await (await app.request('/d')).json()).toEqual({ counter: 1, doubled: 2 })
    expect(await (await app.request('/d')).json()).toEqual({ counter: 2, doubled: 4 })
  })

  it('runs router- and app-level dependencies even when their values are not read', async () => {
    const calls: string[] = []
    const appCheck = dependency(() => calls.push('app'))
    const routerCheck = dependency(() => calls.push('router'))
    const app = createApp({
      dependencies: [appCheck],
      routes: [router({ prefix: '/r', dependencies: [routerCheck] }, [get('', () => 'ok')])],
    })
    await app.request('/r')
    expect(calls).toEqual(['app', 'router'])
  })

  it('validates dependency inputs with the route inputs, in one 422', async () => {
    const apiKey = dependency(
      { inputs: { headers: { x_api_key: v.pipe(v.string(), v.minLength(8)) } } },
      (_, { inputs }) => inputs.headers.x_api_key,
    )
    const app = createApp({
      routes: [
        get('/k', { deps: { apiKey }, query: { n: v.number() } }, ({ deps, query }) => ({
          key: deps.apiKey,
          n: query.n,
        })),
      ],
    })
    const bad = await app.request('/k?n=x', { headers: { 'x-api-key': 'short' } })
    expect(bad.status).toBe(422)
    const { detail } = (await bad.json()) as { detail: { type: string; loc: unknown[] }[] }
    expect(detail.map((issue) => [issue.type, issue.loc])).toEqual([
      ['float_parsing', ['query', 'n']],
      ['string_too_short', ['header', 'x-api-key']],
    ])
    expect(app.operations[0]!.inputs.headers).toHaveProperty('x_api_key')
    const good = await app.request('/k?n=1', { headers: { 'x-api-key': 'long-enough' } })
    expect(await good.json()).toEqual({ key: 'long-enough', n: 1 })
  })

  it('tears down after the response, also when the handler or a later dependency throws', async () => {
    const { state, dep } = resource()
    const failing = dependency({ uses: { dep } }, () => {
      throw new HTTPException(401, 'no')
    })
    const app = createApp({
      onError: () => {},
      routes: [
        get('/ok', { deps: { dep } }, ({ deps }) => deps.dep),
        get('/throws', { deps: { dep } }, () => {
          throw new Error('boom')
        }),
        get('/dep-throws', { deps: { failing } }, () => 'never'),
      ],
    })
    expect(await (await app.request('/ok')).json()).toEqual({ id: 1 })
    expect((await app.request('/throws')).status).toBe(500)
    expect((await app.request('/dep-throws')).status).toBe(401)
    expect(state).toMatchObject({ open: 0, opened: 3 })
  })

  it('tears down a streamed response once the stream ends or is cancelled', async () => {
    const { state, dep } = resource()
    const app = createApp({
      routes: [
        get('/s', { deps: { dep }, stream: 'ndjson' }, async function* ({ deps }) {
          for (;;) yield deps.dep.id
        }),
      ],
    })
    const res = await app.request('/s')
    const reader = res.body!.getReader()
    await reader.read()
    expect(state.open).toBe(1)
    await reader.cancel()
    await vi.waitFor(() => expect(state.open).toBe(0))
  })

  it('shares app-scoped dependencies across requests and disposes them at shutdown', async () => {
    let made = 0
    let disposed = 0
    const pool = dependency({ scope: 'app' }, async function* () {
      made++
      yield { pool: made }
      disposed++
    })
    const app = createApp({ routes: [get('/p', { deps: { pool } }, ({ deps }) => deps.pool)] })
    await Promise.all([app.request('/p'), app.request('/p'), app.request('/p')])
    expect(made).toBe(1)
    await app.shutdown()
    expect(disposed).toBe(1)
  })

  it('refuses at startup an app-scoped dependency that uses a request-scoped one', () => {
    const perRequest = dependency({ name: 'perRequest' }, () => 1)
    const shared = dependency({ scope: 'app', name: 'shared', uses: { perRequest } }, () => 2)
    expect(() => createApp({ routes: [get('/x', { deps: { shared } }, () => null)] })).toThrow(
      "App-scoped dependency 'shared' cannot use request-scoped 'perRequest'",
    )
  })

  it('lets tests override a dependency deep in the graph, and undo it', async () => {
    const db = dependency(() => ({ name: 'real' }))
    const repo = dependency({ uses: { db } }, ({ db }) => ({ source: db.name }))
    const app = createApp({ routes: [get('/r', { deps: { repo } }, ({ deps }) => deps.repo)] })
    const undo = app.override(
      db,
      dependency(() => ({ name: 'fake' })),
    )
    expect(await (await app.request('/r')).json()).toEqual({ source: 'fake' })
    undo()
    expect(await (await app.request('/r')).json()).toEqual({ source: 'real' })
  })

  it('runs startup hooks and eager dependencies before the first request', async () => {
    const events: string[] = []
    const eager = dependency({ scope: 'app', eager: true }, () => events.push('eager'))
    const app = createApp({
      onStartup: [() => events.push('startup')],
      onShutdown: [() => events.push('shutdown')],
      routes: [get('/e', { dependencies: [eager] }, () => 'ok')],
    })
    await app.request('/e')
    await app.request('/e')
    expect(events).toEqual(['startup', 'eager'])
    await app.shutdown()
    expect(events).toEqual(['startup', 'eager', 'shutdown'])
  })

  it('runs background tasks after the response and reports their errors', async () => {
    const onError = vi.fn()
    const done: string[] = []
    const app = createApp({
      onError,
      routes: [
        post('/b', ({ background }) => {
          background(() => {
            throw new Error('task failed')
          })
          background(async () => {
            done.push('second')
          })
          done.push('handler')
          return 'ok'
        }),
      ],
    })
    const res = await app.request('/b', { method: 'POST' })
    expect(await res.json()).toBe('ok')
    expect(done).toEqual(['handler'])
    await app.shutdown() // waits for background work
    expect(done).toEqual(['handler', 'second'])
    expect((onError.mock.calls[0]![0] as Error).message).toBe('task failed')
  })

  it('reports teardown errors without changing the response', async () => {
    const onError = vi.fn()
    const flaky = dependency(async function* flaky() {
      yield 1
      throw new Error('close failed')
    })
    const app = createApp({ onError, routes: [get('/f', { deps: { flaky } }, () => 'fine')] })
    const res = await app.request('/f')
    expect(res.status).toBe(200)
    expect(await res.json()).toBe('fine')
    expect((onError.mock.calls[0]![0] as Error).message).toBe(
      "Teardown of dependency 'flaky' failed",
    )
  })

  it('lists a route dependency graph for other packages', () => {
    const a = dependency(function a() {
      return 1
    })
    const b = dependency({ uses: { a }, name: 'b' }, ({ a }) => a)
    const app = createApp({ routes: [get('/g', { deps: { b } }, () => null)] })
    expect(app.operations[0]!.dependencies.map((d) => d.name)).toEqual(['a', 'b'])
  })
})

describe('default security', () => {
  const guard = dependency(
    { name: 'guard', inputs: { headers: { authorization: v.optional(v.string()) } } },
    (_, { inputs }) => {
      if (inputs.headers.authorization !== 'Bearer ok')
        throw new HTTPException(401, 'Not authenticated')
      return 'user'
    },
  )
  const adminOnly = dependency(
    { name: 'adminOnly', inputs: { headers: { authorization: v.optional(v.string()) } } },
    (_, { inputs }) => {
      if (inputs.headers.authorization !== 'Bearer admin') throw new HTTPException(403, 'Forbidden')
      return 'admin'
    },
  )
  const app = createApp({
    security: [guard],
    routes: [
      get('/private', () => 'secret'),
      get('/health', { public: true }, () => 'up'),
      get('/admin', { security: [adminOnly] }, () => 'admin area'),
      router({ prefix: '/open', security: [] }, [get('', () => 'open')]),
    ],
  })

  it('protects every route unless it is marked public or declares its own security', async () => {
    expect((await app.request('/private')).status).toBe(401)
    expect(
      (await app.request('/private', { headers: { authorization: 'Bearer ok' } })).status,
    ).toBe(200)
    expect((await app.request('/health')).status).toBe(200)
    expect((await app.request('/admin', { headers: { authorization: 'Bearer ok' } })).status).toBe(
      403,
    )
    expect(
      (await app.request('/admin', { headers: { authorization: 'Bearer admin' } })).status,
    ).toBe(200)
    expect((await app.request('/open')).status).toBe(200)
  })

  it('runs security before reading the route inputs: no 422 and no body read for strangers', async () => {
    let bodyRead = false
    // highWaterMark 0: the stream is pulled only when someone reads the body.
    const body = new ReadableStream(
      {
        pull(controller) {
          bodyRead = true
          controller.enqueue(new TextEncoder().encode('{"n":"x"}'))
          controller.close()
        },
      },
      { highWaterMark: 0 },
    )
    const secured = createApp({
      security: [guard],
      routes: [post('/items', { body: v.object({ n: v.number() }) }, ({ body }) => body)],
    })
    const init = {
      method: 'POST',
      body,
      duplex: 'half',
      headers: { 'content-type': 'application/json' },
    }
    const stranger = await secured.request('/items', init as RequestInit)
    expect(stranger.status).toBe(401)
    expect(bodyRead).toBe(false)
    const member = await secured.request('/items', {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: 'Bearer ok' },
      body: '{"n":"x"}',
    })
    expect(member.status).toBe(422)
  })

  it('lists which routes are public and which dependencies guard the others', () => {
    expect(app.operations.filter((op) => op.public).map((op) => op.path)).toEqual(['/health'])
    expect(app.operations.map((op) => op.dependencies.map((d) => d.name))).toEqual([
      ['guard'],
      [],
      ['adminOnly'],
      [],
    ])
  })
})

describe('security dependencies that declare a body', () => {
  // A webhook signature check: security reads the body, and so does the route (read once, cached).
  const event = v.string() // one schema for a field both declare
  const signed = dependency(
    { name: 'signedBody', inputs: { body: { signature: v.string(), event } } },
    (_, { inputs }) => {
      if (inputs.body.signature !== 'good') throw new HTTPException(401, 'Bad signature')
      return true
    },
  )
  const app = createApp({
    security: [signed],
    routes: [post('/hooks', { body: { event } }, ({ body }) => ({ got: body.event }))],
  })
  const send = (body: unknown) =>
    app.request('/hooks', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    })

  it('run before the route, on the same body the route then reads', async () => {
    const response = await send({ signature: 'good', event: 'push' })
    expect(response.status).toBe(200)
    expect(await response.json()).toEqual({ got: 'push' })
  })

  it('refuse the request before the route runs', async () => {
    const response = await send({ signature: 'bad', event: 'push' })
    expect(response.status).toBe(401)
    expect(await response.json()).toEqual({ detail: 'Bad signature' })
  })

  it('answer 422 naming the field security needs', async () => {
    const response = await send({ event: 'push' })
    expect(response.status).toBe(422)
    expect((await response.json()).detail).toEqual([
      {
        type: 'missing',
        loc: ['body', 'signature'],
        msg: 'Field required',
        input: { event: 'push' },
      },
    ])
  })
})

describe('teardown edge cases', () => {
  it('rolls back instead of committing when the handler fails', async () => {
    const log: string[] = []
    const tx = dependency(async function* tx() {
      try {
        yield 'tx'
        log.push('commit')
      } catch (error) {
        log.push('rollback')
        throw error // swallowing it would make the request a 500
      } finally {
        log.push('release')
      }
    })
    const app = createApp({
      onError: () => {},
      routes: [
        post('/ok', { deps: { tx } }, () => 'done'),
        post('/fail', { deps: { tx } }, () => {
          throw new HTTPException(409, 'conflict')
        }),
      ],
    })
    expect((await app.request('/ok', { method: 'POST' })).status).toBe(200)
    expect((await app.request('/fail', { method: 'POST' })).status).toBe(409)
    expect(log).toEqual(['commit', 'release', 'rollback', 'release'])
  })

  it('tears down a streaming route answered to HEAD, without starting the stream', async () => {
    const { state, dep } = resource()
    let started = false
    const app = createApp({
      routes: [
        get('/s', { deps: { dep }, stream: 'ndjson' }, async function* () {
          started = true
          yield 1
        }),
      ],
    })
    const res = await app.request('/s', { method: 'HEAD' })
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toBe('application/x-ndjson')
    expect(await res.text()).toBe('')
    expect(state).toMatchObject({ open: 0, opened: 1 })
    expect(started).toBe(false)
  })
})

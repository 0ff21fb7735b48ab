/**
 * Tests how dependencies and errors meet, as in FastAPI: generator dependencies answer the
 * request's error at their `yield`, and dependencies with valid inputs run (and may answer first)
 * when the request's other inputs failed validation.
 */
import * as v from 'valibot'
import { describe, expect, it } from 'vitest'
import { createApp } from './create-app.ts'
import { dependency } from './dependency.ts'
import { HTTPException } from './http-exception.ts'
import { get, post } from './route.ts'

class OwnerError extends Error {}

const items: Record<string, { owner: string }> = {
  'portal-gun': { owner: 'Rick' },
  plumbus: { owner: 'Morty' },
}

/** FastAPI's "dependencies with yield and HTTPException" example, as a sync and an async generator. */
const usernames = {
  sync: dependency(function* username() {
    try {
      yield 'Rick'
    } catch (error) {
      if (error instanceof OwnerError) throw new HTTPException(400, `Owner error: ${error.message}`)
      throw error
    }
  }),
  async: dependency(async function* username() {
    try {
      yield 'Rick'
    } catch (error) {
      if (error instanceof OwnerError) throw new HTTPException(400, `Owner error: ${error.message}`)
      throw error
    }
  }),
}

describe.each(Object.entries(usernames))('a %s generator dependency', (_, username) => {
  const reported: unknown[] = []
  const app = createApp({
    onError: (error) => reported.push(error),
    routes: [
      get('/items/{id}', { params: { id: v.string() }, deps: { username } }, ({ params, deps }) => {
        const item = items[params.id]
        if (!item) throw new HTTPException(404, 'Item not found')
        if (item.owner !== deps.username) throw new OwnerError(deps.username)
        return item
      }),
    ],
  })

  it('turns the error it catches into the HTTPException it throws: Owner error: Rick, 400', async () => {
    const response = await app.request('/items/plumbus')
    expect(response.status).toBe(400)
    expect(await response.json()).toEqual({ detail: 'Owner error: Rick' })
    expect(reported).toEqual([])
  })

  it('lets the errors it rethrows through as they are', async () => {
    const missing = await app.request('/items/nothing')
    expect(missing.status).toBe(404)
    expect(await missing.json()).toEqual({ detail: 'Item not found' })
    expect(await (await app.request('/items/portal-gun')).json()).toEqual({ owner: 'Rick' })
  })
})

describe('a generator dependency that swallows the request error', () => {
  const log: string[] = []
  const reported: unknown[] = []
  const outer = dependency(async function* outer() {
    try {
      yield 'outer'
      log.push('outer: commit')
    } catch (error) {
      log.push(`outer: rollback (${(error as Error).name})`)
      throw error
    }
  })
  const swallowing = dependency({ uses: { outer } }, async function* swallowing() {
    try {
      yield 'inner'
    } catch {
      log.push('inner: swallowed')
    }
  })
  const app = createApp({
    onError: (error) => reported.push(error),
    routes: [
      get('/fails', { deps: { swallowing } }, () => {
        throw new HTTPException(409, 'conflict')
      }),
    ],
  })

  it('makes the request a 500, reports why, and the older generators still roll back', async () => {
    const response = await app.request('/fails')
    expect(response.status).toBe(500)
    expect(await response.json()).toEqual({ detail: 'Internal Server Error' })
    expect(reported).toMatchObject([
      {
        name: 'DependencyError',
        code: 'SWALLOWED',
        message:
          "Dependency 'swallowing' caught the request's error and neither rethrew it nor threw another",
        cause: new HTTPException(409, 'conflict'),
      },
    ])
    expect(log).toEqual(['inner: swallowed', 'outer: rollback (DependencyError)'])
  })
})

describe('teardown and the response', () => {
  it('runs before the response is returned, so its error can still become the response', async () => {
    const log: string[] = []
    const tx = dependency(async function* tx() {
      try {
        yield 'tx'
        log.push('commit')
      } catch {
        log.push('rollback')
        throw new HTTPException(503, 'Try again', { 'retry-after': '1' })
      }
    })
    const app = createApp({
      onError: () => {},
      routes: [
        post('/ok', { deps: { tx } }, () => {
          log.push('handler')
          return 'done'
        }),
        post('/fail', { deps: { tx } }, () => {
          throw new Error('deadlock')
        }),
      ],
    })
    expect((await app.request('/ok', { method: 'POST' })).status).toBe(200)
    expect(log).toEqual(['handler', 'commit'])
    const failed = await app.request('/fail', { method: 'POST' })
    expect(failed.status).toBe(503)
    expect(failed.headers.get('retry-after')).toBe('1')
    expect(await failed.json()).toEqual({ detail: 'Try again' })
  })

  it('hands a failed stream its error once the stream ended, and reports what the generator threw instead', async () => {
    const log: string[] = []
    const reported: unknown[] = []
    let ended!: () => void
    const done = new Promise<void>((resolve) => {
      ended = resolve
    })
    const tx = dependency(async function* tx() {
      try {
        yield 'tx'
        log.push('commit')
      } catch (error) {
        log.push(`rollback: ${(error as Error).message}`)
        throw new HTTPException(400, 'too late for a response')
      }
    })
    const app = createApp({
      onError: (error) => {
        reported.push((error as Error).message)
        if (reported.length === 2) ended()
      },
      routes: [
        get('/s', { deps: { tx }, stream: 'ndjson' }, async function* () {
          yield 1
          throw new Error('producer failed')
        }),
      ],
    })
    const response = await app.request('/s')
    expect(response.status).toBe(200)
    expect(await response.text()).toBe('1\n{"detail":"Internal Server Error"}\n')
    await done
    expect(log).toEqual(['rollback: producer failed'])
    expect(reported).toEqual(['producer failed', 'too late for a response'])
  })
})

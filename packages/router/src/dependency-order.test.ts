/**
 * Tests the order of dependency errors, as in FastAPI: a dependency whose own inputs are valid runs
 * even when other inputs failed, and its HTTPException wins over the 422; one with invalid inputs
 * (or using one that did not run) does not run; security still runs first.
 */
import * as v from 'valibot'
import { describe, expect, it } from 'vitest'
import { createApp } from './create-app.ts'
import { dependency } from './dependency.ts'
import { HTTPException } from './http-exception.ts'
import { get, post } from './route.ts'

function traced() {
  const log: string[] = []
  const token = dependency(
    { name: 'token', inputs: { headers: { x_token: v.string() } } },
    (_, { inputs }) => {
      log.push('token')
      if (inputs.headers.x_token !== 'fake-super-secret-token') {
        throw new HTTPException(400, 'X-Token header invalid')
      }
      return inputs.headers.x_token
    },
  )
  const limit = dependency(
    { name: 'limit', inputs: { query: { limit: v.pipe(v.number(), v.maxValue(100)) } } },
    (_, { inputs }) => {
      log.push('limit')
      return inputs.query.limit
    },
  )
  const usesLimit = dependency({ name: 'usesLimit', uses: { limit } }, ({ limit }) => {
    log.push('usesLimit')
    return limit
  })
  const plain = dependency({ name: 'plain' }, () => {
    log.push('plain')
  })
  return { log, token, limit, usesLimit, plain }
}

describe('a request whose inputs failed validation', () => {
  it("answers a valid dependency's HTTPException rather than the 422", async () => {
    const { log, token, plain } = traced()
    const app = createApp({
      routes: [
        post(
          '/items',
          { dependencies: [plain, token], body: { name: v.string() } },
          ({ body }) => body,
        ),
      ],
    })
    const response = await app.request('/items', {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-token': 'wrong' },
      body: JSON.stringify({}),
    })
    expect(response.status).toBe(400)
    expect(await response.json()).toEqual({ detail: 'X-Token header invalid' })
    expect(log).toEqual(['plain', 'token'])
  })

  it('runs the dependencies with valid inputs in declaration order, skips the others and their users, then answers 422', async () => {
    const { log, token, limit, usesLimit, plain } = traced()
    const app = createApp({
      dependencies: [plain],
      routes: [
        get(
          '/items',
          { deps: { usesLimit, token, limit }, query: { q: v.number() } },
          () => 'never',
        ),
      ],
    })
    const response = await app.request('/items?q=x&limit=500', {
      headers: { 'x-token': 'fake-super-secret-token' },
    })
    expect(response.status).toBe(422)
    const { detail } = (await response.json()) as { detail: { loc: unknown[] }[] }
    expect(detail.map((issue) => issue.loc)).toEqual([
      ['query', 'q'],
      ['query', 'limit'],
    ])
    expect(log).toEqual(['plain', 'token'])
  })

  it('hands generators that ran the 422 as an HTTPException at their yield', async () => {
    const seen: unknown[] = []
    const tx = dependency(async function* tx() {
      try {
        yield 'tx'
        seen.push('commit')
      } catch (error) {
        seen.push(error)
        throw error
      }
    })
    const app = createApp({
      routes: [get('/items', { deps: { tx }, query: { q: v.number() } }, () => 'never')],
    })
    const response = await app.request('/items?q=x')
    expect(response.status).toBe(422)
    expect(await response.json()).toMatchObject({ detail: [{ loc: ['query', 'q'] }] })
    expect(seen).toHaveLength(1)
    expect(seen[0]).toBeInstanceOf(HTTPException)
    expect(seen[0]).toMatchObject({ status: 422, detail: [{ loc: ['query', 'q'] }] })
  })

  it('runs no dependency when the JSON body is malformed', async () => {
    const { log, token, plain } = traced()
    const app = createApp({
      routes: [
        post('/items', { dependencies: [plain, token], body: { name: v.string() } }, () => 1),
      ],
    })
    const response = await app.request('/items', {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-token': 'wrong' },
      body: '{"name": ',
    })
    expect(response.status).toBe(422)
    expect(log).toEqual([])
  })

  it('runs security first: a refused credential is a 401 whatever else is invalid', async () => {
    const { log, token } = traced()
    const guard = dependency(
      {
        name: 'guard',
        security: {
          schemes: { key: { type: 'apiKey', name: 'x-key', in: 'header' } },
          requirements: [{ key: [] }],
          credentials: [{ in: 'headers', name: 'x-key' }],
        },
      },
      (_, { inputs }) => {
        log.push('guard')
        const key = (inputs as { headers: Record<string, string | undefined> }).headers['x-key']
        if (key !== 'open') throw new HTTPException(401, 'Not authenticated')
      },
    )
    const app = createApp({
      routes: [
        get('/items', { security: [guard], deps: { token }, query: { q: v.number() } }, () => 1),
      ],
    })
    const refused = await app.request('/items?q=x', { headers: { 'x-token': 'wrong' } })
    expect(refused.status).toBe(401)
    expect(log).toEqual(['guard'])
    const admitted = await app.request('/items?q=x', {
      headers: { 'x-key': 'open', 'x-token': 'wrong' },
    })
    expect(admitted.status).toBe(400)
    expect(log).toEqual(['guard', 'guard', 'token'])
  })
})

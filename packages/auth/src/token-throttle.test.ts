import { createApp, HTTPException } from '@brisk/router'
import { serve } from '@brisk/router/node'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { forwardedClientAddress } from './client-address.ts'
import { jwtTokens } from './jwt-tokens.ts'
import type { LoginThrottleOptions } from './login-throttle.ts'
import { oauth2Password } from './oauth2-password.ts'

const START = Date.UTC(2026, 0, 1)
const tokens = jwtTokens({ secret: 'x'.repeat(32), issuer: 'i', audience: 'a' })
const oauth2 = oauth2Password({ tokenUrl: '/token', scopes: {}, tokens })

/** An app whose user check accepts alice/right, counting its calls; `fail` makes it throw. */
function tokenApp(throttle?: LoginThrottleOptions | false) {
  const checked: string[] = []
  let fail: Error | undefined
  const route = oauth2.tokenRoute({
    ...(throttle === undefined ? {} : { throttle }),
    authenticate: ({ username, password }) => {
      checked.push(username)
      if (fail) throw fail
      return username === 'alice' && password === 'right'
        ? { subject: username, scopes: [] }
        : undefined
    },
  })
  // The outage case's 500s are expected: not reported.
  const app = createApp({ routes: [route], onError: () => {} })
  const failWith = (error: Error | undefined) => {
    fail = error
  }
  return { app, checked, failWith }
}

const login = (username: string, password: string, headers: Record<string, string> = {}) =>
  new Request('http://localhost/token', {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers },
    body: new URLSearchParams({ grant_type: 'password', username, password }),
  })

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['Date'] })
  vi.setSystemTime(START)
})
afterEach(() => {
  vi.useRealTimers()
})

describe('the token endpoint throttles failed logins', () => {
  it('answers 429 with Retry-After after 5 wrong passwords, without checking the 6th', async () => {
    const { app, checked } = tokenApp()
    for (let index = 0; index < 5; index++) {
      expect((await app.fetch(login('alice', 'wrong'))).status).toBe(400)
    }
    const refused = await app.fetch(login('alice', 'right'))
    expect(refused.status).toBe(429)
    expect(refused.headers.get('retry-after')).toBe('900')
    expect(refused.headers.get('cache-control')).toBe('no-store')
    expect(await refused.json()).toEqual({ detail: 'Too many failed logins: try again later' })
    expect(checked).toHaveLength(5)

    vi.setSystemTime(START + 900_000)
    expect((await app.fetch(login('alice', 'right'))).status).toBe(200)
  })

  it('forgets the failures of a user who signs in', async () => {
    const { app } = tokenApp()
    for (let index = 0; index < 4; index++) await app.fetch(login('alice', 'wrong'))
    expect((await app.fetch(login('alice', 'right'))).status).toBe(200)
    for (let index = 0; index < 5; index++) {
      expect((await app.fetch(login('alice', 'wrong'))).status).toBe(400)
    }
    expect((await app.fetch(login('alice', 'wrong'))).status).toBe(429)
  })

  it('counts a 401 thrown by the user check, not an outage', async () => {
    const { app, failWith } = tokenApp({ maxPerUsername: 1 })
    failWith(new Error('database down'))
    for (let index = 0; index < 3; index++) {
      expect((await app.fetch(login('alice', 'right'))).status).toBe(500)
    }
    failWith(new HTTPException(401, 'Incorrect username or password'))
    expect((await app.fetch(login('alice', 'wrong'))).status).toBe(401)
    expect((await app.fetch(login('alice', 'wrong'))).status).toBe(429)
  })

  it("throttles an address trying many usernames, from a trusted proxy's header", async () => {
    const { app } = tokenApp({ maxPerAddress: 2, clientAddress: forwardedClientAddress() })
    const from = (address: string) => ({ 'x-forwarded-for': `10.9.9.9, ${address}` })
    expect((await app.fetch(login('a', 'x', from('203.0.113.7')))).status).toBe(400)
    expect((await app.fetch(login('b', 'x', from('203.0.113.7')))).status).toBe(400)
    expect((await app.fetch(login('c', 'x', from('203.0.113.7')))).status).toBe(429)
    expect((await app.fetch(login('c', 'x', from('198.51.100.1')))).status).toBe(400)
  })

  it('is off with throttle: false', async () => {
    const { app } = tokenApp(false)
    for (let index = 0; index < 8; index++) {
      expect((await app.fetch(login('alice', 'wrong'))).status).toBe(400)
    }
  })

  it('documents the 429', () => {
    const { app } = tokenApp()
    const operation = app.operations.find((op) => op.path === '/token')!
    expect(Object.keys(operation.responses ?? {})).toContain('429')
  })
})

describe('the token endpoint on a real Node server', () => {
  it("throttles by the socket's address, ignoring a forwarded header it was not told to trust", async () => {
    vi.useRealTimers()
    const { app } = tokenApp({ maxPerAddress: 2 })
    const node = await serve(app, { port: 0, signals: [], exit: false })
    try {
      const statuses = []
      for (const [user, forwarded] of [
        ['a', '1.1.1.1'],
        ['b', '2.2.2.2'],
        ['c', '3.3.3.3'],
      ] as const) {
        const request = login(user, 'x', { 'x-forwarded-for': forwarded })
        const response = await fetch(`${node.url}/token`, {
          method: 'POST',
          headers: request.headers,
          body: await request.text(),
        })
        statuses.push(response.status)
      }
      expect(statuses).toEqual([400, 400, 429])
    } finally {
      await node.close()
    }
  })
})

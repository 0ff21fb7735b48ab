/** `tokenRoute({ deps, authenticate })`: the user check gets the route's dependencies (a database). */
import { createApp, dependency, HTTPException } from '@brisk/router'
import { describe, expect, it, vi } from 'vitest'
import { jwtTokens } from './jwt-tokens.ts'
import { oauth2Password } from './oauth2-password.ts'

const tokens = jwtTokens({ secret: 'x'.repeat(32), issuer: 'i', audience: 'a' })
const oauth2 = oauth2Password({ tokenUrl: '/token', scopes: { read: 'Read' }, tokens })

/** A connection per request, from a generator dependency: opened, yielded, closed (with the error). */
function database(events: string[], users: Record<string, string> = { alice: 'right' }) {
  let opened = 0
  return dependency({ name: 'db' }, async function* db() {
    const id = ++opened
    events.push(`open ${id}`)
    try {
      yield {
        id,
        passwordOf: async (name: string) => (Object.hasOwn(users, name) ? users[name] : undefined),
      }
      events.push(`close ${id}`)
    } catch (error) {
      events.push(`close ${id} after ${(error as Error).message}`)
      throw error
    }
  })
}

const login = (username: string, password: string) =>
  new Request('http://localhost/token', {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ grant_type: 'password', username, password, scope: 'read' }),
  })

describe('tokenRoute with dependencies', () => {
  it('hands authenticate the resolved dependencies and tears them down after the answer', async () => {
    const events: string[] = []
    const db = database(events)
    const app = createApp({
      routes: [
        oauth2.tokenRoute({
          deps: { db },
          authenticate: async ({ username, password }, { db }) => {
            events.push(`check on ${db.id}`)
            return (await db.passwordOf(username)) === password
              ? { subject: username, scopes: ['read'] }
              : undefined
          },
        }),
      ],
    })
    const issued = await app.fetch(login('alice', 'right'))
    expect(issued.status).toBe(200)
    expect(((await issued.json()) as { scope: string }).scope).toBe('read')
    const refused = await app.fetch(login('alice', 'wrong'))
    expect(await refused.json()).toEqual({
      error: 'invalid_grant',
      error_description: 'Incorrect username or password',
    })
    expect(events).toEqual(['open 1', 'check on 1', 'close 1', 'open 2', 'check on 2', 'close 2'])
  })

  it("gives a generator dependency the user check's exception at its yield", async () => {
    const events: string[] = []
    const app = createApp({
      routes: [
        oauth2.tokenRoute({
          deps: { db: database(events) },
          authenticate: () => {
            throw new HTTPException(401, 'Incorrect username or password', {
              'www-authenticate': 'Bearer',
            })
          },
        }),
      ],
    })
    const refused = await app.fetch(login('alice', 'wrong'))
    expect(refused.status).toBe(401)
    expect(await refused.json()).toEqual({ detail: 'Incorrect username or password' })
    expect(events).toEqual(['open 1', 'close 1 after Incorrect username or password'])
  })

  it('keeps throttling failed logins: the 6th is 429 without the check, still torn down', async () => {
    const events: string[] = []
    const authenticate = vi.fn(async ({ username, password }, { db }) =>
      (await db.passwordOf(username)) === password ? { subject: username, scopes: [] } : undefined,
    )
    const app = createApp({
      routes: [oauth2.tokenRoute({ deps: { db: database(events) }, authenticate })],
    })
    for (let attempt = 0; attempt < 5; attempt++) {
      expect((await app.fetch(login('alice', 'wrong'))).status).toBe(400)
    }
    const throttled = await app.fetch(login('alice', 'right'))
    expect(throttled.status).toBe(429)
    expect(throttled.headers.get('retry-after')).toBe('900')
    expect(authenticate).toHaveBeenCalledTimes(5)
    expect(events.filter((event) => event.startsWith('open'))).toHaveLength(6)
    expect(events.filter((event) => event.startsWith('close'))).toHaveLength(6)
  })

  it('does not count a login whose dependency failed in set-up (an outage)', async () => {
    let down = true
    const db = dependency({ name: 'db' }, () => {
      if (down) throw new Error('connection refused')
      return { passwordOf: (name: string) => (name === 'alice' ? 'right' : undefined) }
    })
    const app = createApp({
      onError: () => {},
      routes: [
        oauth2.tokenRoute({
          deps: { db },
          authenticate: ({ username, password }, { db }) =>
            db.passwordOf(username) === password ? { subject: username, scopes: [] } : undefined,
        }),
      ],
    })
    for (let attempt = 0; attempt < 6; attempt++) {
      const failed = await app.fetch(login('alice', 'right'))
      expect(failed.status).toBe(500)
      expect(await failed.json()).toEqual({ detail: 'Internal Server Error' })
    }
    down = false
    expect((await app.fetch(login('alice', 'right'))).status).toBe(200)
  })

  it('lets tests override the dependency', async () => {
    const events: string[] = []
    const db = database(events)
    const app = createApp({
      routes: [
        oauth2.tokenRoute({
          deps: { db },
          authenticate: async ({ username, password }, { db }) =>
            (await db.passwordOf(username)) === password
              ? { subject: username, scopes: [] }
              : undefined,
        }),
      ],
    })
    app.override(
      db,
      dependency(() => ({ id: 0, passwordOf: async () => 'from-the-fake' })),
    )
    expect((await app.fetch(login('bob', 'from-the-fake'))).status).toBe(200)
    expect(events).toEqual([])
  })
})

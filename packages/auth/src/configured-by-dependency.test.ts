import { createApp, dependency, get, HTTPException } from '@brisk/router'
import { describe, expect, it, vi } from 'vitest'
import { anyOf } from './any-of.ts'
import { apiKey } from './api-key.ts'
import { bearerJwt } from './bearer-jwt.ts'
import { jwtTokens } from './jwt-tokens.ts'
import { oauth2Password } from './oauth2-password.ts'

const SECRET = 'a-secret-of-at-least-32-bytes-from-settings!'

/** Stands for a Worker secret or a settings value: made once, on first use. */
function tokensDependency() {
  const made = vi.fn(() =>
    jwtTokens({ secret: SECRET, issuer: 'https://shop.test', audience: 'https://shop.test' }),
  )
  return { made, tokens: dependency({ scope: 'app', name: 'tokens' }, made) }
}

const login = (
  app: { request: (path: string, init: RequestInit) => Promise<Response> | Response },
  password: string,
) =>
  app.request('/token', {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ grant_type: 'password', username: 'ada', password, scope: 'read' }),
  })

describe('schemes configured by dependencies', () => {
  it('oauth2Password signs and verifies with tokens a dependency makes, once', async () => {
    const { made, tokens } = tokensDependency()
    const users = dependency({ scope: 'app' }, () => new Map([['ada', 'lovelace']]))
    const oauth2 = oauth2Password({ tokenUrl: '/token', scopes: { read: 'Read' }, tokens })
    const app = createApp({
      security: [oauth2.user],
      routes: [
        oauth2.tokenRoute({
          deps: { users },
          authenticate: ({ username, password }, { users }) =>
            users.get(username) === password ? { subject: username, scopes: ['read'] } : undefined,
        }),
        get('/me', { deps: { user: oauth2.requireScopes(['read']) } }, ({ deps }) => ({
          subject: deps.user.subject,
        })),
      ],
    })
    const issued = await login(app, 'lovelace')
    expect(issued.status).toBe(200)
    const { access_token } = (await issued.json()) as { access_token: string }
    const me = await app.request('/me', { headers: { authorization: `Bearer ${access_token}` } })
    expect(await me.json()).toEqual({ subject: 'ada' })
    expect((await login(app, 'wrong')).status).toBe(400)
    expect((await app.request('/me')).status).toBe(401)
    expect(made).toHaveBeenCalledTimes(1)
  })

  it("lets the user check answer FastAPI's 401 with a Bearer challenge", async () => {
    const { tokens } = tokensDependency()
    const oauth2 = oauth2Password({ tokenUrl: '/token', scopes: { read: 'Read' }, tokens })
    const app = createApp({
      routes: [
        oauth2.tokenRoute({
          authenticate: () => {
            throw new HTTPException(401, 'Incorrect username or password', {
              'www-authenticate': 'Bearer',
            })
          },
        }),
      ],
    })
    const refused = await login(app, 'any')
    expect(refused.status).toBe(401)
    expect(refused.headers.get('www-authenticate')).toBe('Bearer')
    expect(await refused.json()).toEqual({ detail: 'Incorrect username or password' })
  })

  it('bearerJwt and apiKey take their tokens and keys from dependencies, also inside anyOf', async () => {
    const { tokens } = tokensDependency()
    const keys = dependency({ scope: 'app' }, () => ({ partner: 'partner-key-of-16-bytes' }))
    const bearer = bearerJwt({ tokens })
    const key = apiKey({ in: 'header', name: 'x-api-key', keys })
    const app = createApp({
      routes: [
        get('/either', { deps: { caller: anyOf(key, bearer.user) } }, ({ deps }) => ({
          caller: 'name' in deps.caller ? deps.caller.name : deps.caller.subject,
        })),
      ],
    })
    const token = await jwtTokens({
      secret: SECRET,
      issuer: 'https://shop.test',
      audience: 'https://shop.test',
    }).issue({ subject: 'ada' })
    const byToken = await app.request('/either', {
      headers: { authorization: `Bearer ${token.token}` },
    })
    expect(await byToken.json()).toEqual({ caller: 'ada' })
    const byKey = await app.request('/either', {
      headers: { 'x-api-key': 'partner-key-of-16-bytes' },
    })
    expect(await byKey.json()).toEqual({ caller: 'partner' })
    const wrongKey = await app.request('/either', { headers: { 'x-api-key': 'x'.repeat(20) } })
    expect(wrongKey.status).toBe(401)
  })

  it('refuses a too-short key from a dependency as a bare 500, reported, never echoed', async () => {
    const onError = vi.fn()
    const keys = dependency({ scope: 'app', name: 'keys' }, () => ({ partner: 'short' }))
    const key = apiKey({ in: 'header', name: 'x-api-key', keys })
    const app = createApp({ onError, routes: [get('/k', { security: [key] }, () => 'ok')] })
    const res = await app.request('/k', { headers: { 'x-api-key': 'short' } })
    expect(res.status).toBe(500)
    expect(await res.text()).not.toContain('short')
    expect(String(onError.mock.calls[0]?.[0])).toContain(
      "key 'partner' must be a string of at least 16 bytes",
    )
  })

  it('has no plain Hono middleware form, and says why when asked for one', () => {
    const { tokens } = tokensDependency()
    expect(() => bearerJwt({ tokens }).user.middleware).toThrow(
      /configured through a dependency \('tokens'\), so it cannot run as a plain Hono middleware/,
    )
    const configured = jwtTokens({ secret: SECRET, issuer: 'i', audience: 'a' })
    expect(typeof bearerJwt({ tokens: configured }).user.middleware).toBe('function')
  })
})

import { createApp } from '@brisk/router'
import { decodeJwt, decodeProtectedHeader } from 'jose'
import { beforeAll, describe, expect, it } from 'vitest'
import { briskApp, type Fixture, fixture } from '../test/helpers.ts'
import { jwtTokens } from './jwt-tokens.ts'
import { oauth2Password } from './oauth2-password.ts'

const form = (body: string, headers: Record<string, string> = {}) =>
  new Request('http://localhost/token', {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers },
    body,
  })

describe('oauth2Password token endpoint', () => {
  let f: Fixture
  let app: ReturnType<typeof briskApp>
  beforeAll(async () => {
    f = await fixture()
    app = briskApp(f)
  })

  it('issues a JWT with the intersection of requested and allowed scopes, not cached', async () => {
    const response = await app.fetch(
      form('grant_type=password&username=bob&password=builder&scope=items%3Aread+items%3Awrite'),
    )
    expect(response.status).toBe(200)
    expect(response.headers.get('cache-control')).toBe('no-store')
    expect(response.headers.get('pragma')).toBe('no-cache')
    const body = (await response.json()) as Record<string, unknown>
    expect(body).toEqual({
      access_token: expect.any(String),
      token_type: 'Bearer',
      expires_in: 900,
      scope: 'items:read',
    })
    const token = body.access_token as string
    expect(decodeProtectedHeader(token)).toEqual({ alg: 'HS256', typ: 'at+jwt' })
    const claims = decodeJwt(token)
    expect(Object.keys(claims).sort()).toEqual(['aud', 'exp', 'iat', 'iss', 'jti', 'scope', 'sub'])
    expect(claims).toMatchObject({ sub: 'bob', scope: 'items:read', iss: 'https://api.test' })
    expect(claims.exp! - claims.iat!).toBe(900)
    expect(claims.jti).toMatch(/^[0-9a-f-]{36}$/)
    const me = await app.request('/me', { headers: { authorization: `Bearer ${token}` } })
    expect(await me.json()).toEqual({
      principal: { subject: 'bob', scopes: ['items:read'], claims },
    })
  })

  it('grants no scope when none is requested (least privilege)', async () => {
    const response = await app.fetch(form('grant_type=password&username=alice&password=wonderland'))
    expect(await response.json()).toMatchObject({ scope: '' })
  })

  it('lets a granted scope pass the scope check on the protected route', async () => {
    const token = await app.fetch(
      form('grant_type=password&username=alice&password=wonderland&scope=items:write'),
    )
    const { access_token } = (await token.json()) as { access_token: string }
    const created = await app.request('/items', {
      method: 'POST',
      headers: { authorization: `Bearer ${access_token}` },
    })
    expect(created.status).toBe(200)
    expect(await created.json()).toBe('created')
  })

  it.each([
    ['a wrong password', 'grant_type=password&username=bob&password=nope', 'invalid_grant'],
    ['an unknown user', 'grant_type=password&username=eve&password=nope', 'invalid_grant'],
    ['no grant_type', 'username=bob&password=builder', 'invalid_request'],
    ['another grant type', 'grant_type=client_credentials', 'unsupported_grant_type'],
    ['no password', 'grant_type=password&username=bob', 'invalid_request'],
    ['an empty username', 'grant_type=password&username=&password=x', 'invalid_request'],
    [
      'a repeated parameter',
      'grant_type=password&username=bob&username=alice&password=builder',
      'invalid_request',
    ],
    [
      'an unknown scope',
      'grant_type=password&username=bob&password=builder&scope=root',
      'invalid_scope',
    ],
  ])('answers %s with 400 %s (RFC 6749 §5.2), not cached', async (_, body, error) => {
    const response = await app.fetch(form(body))
    expect(response.status).toBe(400)
    expect(response.headers.get('cache-control')).toBe('no-store')
    expect(response.headers.get('content-type')).toBe('application/json')
    expect(await response.json()).toEqual({ error, error_description: expect.any(String) })
  })

  it('refuses a JSON body and an oversized body with invalid_request', async () => {
    const json = await app.request('/token', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ grant_type: 'password', username: 'bob', password: 'builder' }),
    })
    expect(json.status).toBe(400)
    expect(await json.json()).toMatchObject({ error: 'invalid_request' })
    const big = await app.fetch(
      form(`grant_type=password&username=bob&password=${'x'.repeat(20_000)}`),
    )
    expect(big.status).toBe(400)
    expect(await big.json()).toMatchObject({ error: 'invalid_request' })
  })

  it('is public even under an app-wide default security', () => {
    const token = app.operations.find((op) => op.path === '/token')!
    expect(token.public).toBe(true)
    expect(token.dependencies).toEqual([])
  })
})

describe('oauth2Password configuration', () => {
  const tokens = jwtTokens({ secret: 'x'.repeat(32), issuer: 'i', audience: 'a' })

  it('refuses a scope check on an undeclared scope when created', () => {
    const oauth2 = oauth2Password({ tokenUrl: '/token', scopes: { read: 'Read' }, tokens })
    expect(() => oauth2.requireScopes(['write' as 'read'])).toThrow(
      "oauth2Password.requireScopes: scope(s) 'write' not declared in 'scopes'",
    )
    expect(() => oauth2.requireScopes([])).toThrow('list at least one scope')
  })

  it('refuses malformed scope names and a missing tokenUrl', () => {
    expect(() => oauth2Password({ tokenUrl: '/t', scopes: { 'a b': 'x' }, tokens })).toThrow(
      "'a b' is not a valid scope",
    )
    expect(() => oauth2Password({ tokenUrl: '', scopes: {}, tokens })).toThrow(
      "'tokenUrl' is required",
    )
  })

  it('verifies the token once per request when a route checks several scope sets', async () => {
    let verified = 0
    const counting = {
      ...tokens,
      verify: (token: string) => {
        verified++
        return tokens.verify(token)
      },
    }
    const oauth2 = oauth2Password({
      tokenUrl: '/token',
      scopes: { a: 'A', b: 'B' },
      tokens: counting,
    })
    const { get } = await import('@brisk/router')
    const app = createApp({
      routes: [
        get(
          '/ab',
          { security: [oauth2.requireScopes(['a']), oauth2.requireScopes(['b'])] },
          () => 'ok',
        ),
      ],
    })
    const { token } = await tokens.issue({ subject: 's', scopes: ['a', 'b'] })
    const response = await app.request('/ab', { headers: { authorization: `Bearer ${token}` } })
    expect(response.status).toBe(200)
    expect(verified).toBe(1)
  })
})

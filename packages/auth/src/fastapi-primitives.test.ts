/** The building blocks a FastAPI port writes its own `get_current_user` with. */
import { createDocument } from '@brisk/openapi'
import { createApp, dependency, get, HTTPException, post } from '@brisk/router'
import { describe, expect, it } from 'vitest'
import { httpBasic, httpBasicCredentials } from './http-basic.ts'
import { oauth2Bearer } from './oauth2-bearer.ts'
import { passwordForm, passwordFormStrict } from './password-form.ts'
import { safeEqual } from './safe-equal.ts'

const token = oauth2Bearer({ tokenUrl: '/token', scopes: { me: 'Read yourself' } })
const currentUser = dependency({ uses: { token } }, async ({ token }) => {
  if (!(await safeEqual(token, 'alice-token'))) {
    throw new HTTPException(401, 'Invalid token', { 'www-authenticate': 'Bearer' })
  }
  return { name: 'alice' }
})
const app = createApp({
  routes: [
    get('/users/me', { deps: { user: currentUser } }, ({ deps }) => deps.user),
    get('/token-seen', { deps: { token } }, ({ deps }) => ({ token: deps.token })),
    post('/login', { body: passwordForm, bodyType: 'form' }, ({ body }) => body),
    post('/login/strict', { body: passwordFormStrict, bodyType: 'form' }, ({ body }) => body),
  ],
})

const form = (fields: Record<string, string>) => ({
  method: 'POST',
  headers: { 'content-type': 'application/x-www-form-urlencoded' },
  body: new URLSearchParams(fields).toString(),
})

describe('oauth2Bearer (OAuth2PasswordBearer)', () => {
  it('hands the token to your dependency, the scheme compared case-insensitively', async () => {
    const seen = await app.request('/token-seen', { headers: { authorization: 'bearer abc.def' } })
    expect(await seen.json()).toEqual({ token: 'abc.def' })
    const me = await app.request('/users/me', { headers: { authorization: 'Bearer alice-token' } })
    expect(await me.json()).toEqual({ name: 'alice' })
    const wrong = await app.request('/users/me', { headers: { authorization: 'Bearer other' } })
    expect(wrong.status).toBe(401)
    expect(await wrong.json()).toEqual({ detail: 'Invalid token' })
  })

  it('is 401 Not authenticated with WWW-Authenticate: Bearer when missing or another scheme', async () => {
    for (const headers of [{}, { authorization: 'Basic YTpi' }, { authorization: 'Bearer' }]) {
      const response = await app.request('/users/me', { headers })
      expect(response.status).toBe(401)
      expect(response.headers.get('www-authenticate')).toBe('Bearer')
      expect(await response.json()).toEqual({ detail: 'Not authenticated' })
    }
  })

  it('is documented as an OAuth2 password flow, on routes that use it through a dependency', () => {
    const document = createDocument(app, { info: { title: 't', version: '1' } })
    expect(document.components.securitySchemes).toEqual({
      OAuth2PasswordBearer: {
        type: 'oauth2',
        flows: { password: { tokenUrl: '/token', scopes: { me: 'Read yourself' } } },
      },
    })
    expect(document.paths['/users/me']!.get!.security).toEqual([{ OAuth2PasswordBearer: [] }])
  })

  it('refuses a missing tokenUrl and bad scope names at creation', () => {
    expect(() => oauth2Bearer({ tokenUrl: '' })).toThrow(/tokenUrl/)
    expect(() => oauth2Bearer({ tokenUrl: '/t', scopes: { 'a b': 'x' } })).toThrow(/scope/)
  })
})

describe('passwordForm (OAuth2PasswordRequestForm)', () => {
  it('needs username and password, splits scope on spaces, takes client credentials', async () => {
    const response = await app.request(
      '/login',
      form({ username: 'alice', password: 'pw', scope: 'me  items:read', client_id: 'web' }),
    )
    expect(await response.json()).toEqual({
      username: 'alice',
      password: 'pw',
      scope: ['me', 'items:read'],
      client_id: 'web',
    })
    const bare = await app.request('/login', form({ username: 'a', password: 'b' }))
    expect(await bare.json()).toEqual({ username: 'a', password: 'b', scope: [] })
    const missing = await app.request('/login', form({ username: 'alice' }))
    expect(missing.status).toBe(422)
    expect((await missing.json()).detail).toEqual([
      expect.objectContaining({ type: 'missing', loc: ['body', 'password'] }),
    ])
  })

  it('takes grant_type only as password; the strict form requires it', async () => {
    const wrong = await app.request(
      '/login',
      form({ grant_type: 'code', username: 'a', password: 'b' }),
    )
    expect(wrong.status).toBe(422)
    const loose = await app.request('/login/strict', form({ username: 'a', password: 'b' }))
    expect(loose.status).toBe(422)
    expect((await loose.json()).detail[0].loc).toEqual(['body', 'grant_type'])
    const strict = await app.request(
      '/login/strict',
      form({ grant_type: 'password', username: 'a', password: 'b' }),
    )
    expect(strict.status).toBe(200)
  })
})

describe('safeEqual (secrets.compare_digest)', () => {
  it('compares strings of any length', async () => {
    expect(await safeEqual('same', 'same')).toBe(true)
    expect(await safeEqual('same', 'samf')).toBe(false)
    expect(await safeEqual('short', 'a much longer string')).toBe(false)
    expect(await safeEqual('', '')).toBe(true)
  })
})

describe('HTTP Basic as FastAPI has it', () => {
  const basicApp = (dep: ReturnType<typeof httpBasicCredentials>) =>
    createApp({ routes: [get('/who', { deps: { basic: dep } }, ({ deps }) => deps.basic)] })
  const basic = (user: string, password: string) => ({
    headers: { authorization: `Basic ${btoa(`${user}:${password}`)}` },
  })

  it('httpBasicCredentials hands over username and password, unverified', async () => {
    const app = basicApp(httpBasicCredentials())
    expect(await (await app.request('/who', basic('ann', 'p:w'))).json()).toEqual({
      username: 'ann',
      password: 'p:w',
    })
  })

  it('challenges with plain Basic without a realm, with the realm when given', async () => {
    const plain = await basicApp(httpBasicCredentials()).request('/who')
    expect(plain.status).toBe(401)
    expect(plain.headers.get('www-authenticate')).toBe('Basic')
    const named = await basicApp(httpBasicCredentials({ realm: 'ops' })).request('/who')
    expect(named.headers.get('www-authenticate')).toBe('Basic realm="ops", charset="UTF-8"')
    const verified = httpBasic({ verify: (user) => (user === 'ann' ? { user } : undefined) })
    const refused = await createApp({
      routes: [get('/v', { deps: { who: verified } }, ({ deps }) => deps.who)],
    }).request('/v', basic('bob', 'x'))
    expect(refused.headers.get('www-authenticate')).toBe('Basic')
  })
})

import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { createApp, get } from '@brisk/router'
import { base64url, exportJWK, generateKeyPair, type JWK, SignJWT } from 'jose'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { bearerJwt } from './bearer-jwt.ts'
import type { SecurityDependency } from './types.ts'

const AUDIENCE = 'https://api.test'
const hits: Record<string, number> = {}
let server: Server
let base: string
let jwks: { keys: JWK[] }
let signingKey: CryptoKey
let attackerKey: CryptoKey
let attackerJwk: JWK
const octSecret = crypto.getRandomValues(new Uint8Array(32))

beforeAll(async () => {
  const pair = await generateKeyPair('RS256', { extractable: true })
  const attacker = await generateKeyPair('RS256', { extractable: true })
  signingKey = pair.privateKey
  attackerKey = attacker.privateKey
  attackerJwk = await exportJWK(attacker.publicKey)
  const publicJwk = await exportJWK(pair.publicKey)
  jwks = {
    keys: [
      { ...publicJwk, kid: 'k1', alg: 'RS256', use: 'sig' },
      { ...publicJwk, kid: 'no-alg' },
      { kty: 'oct', k: base64url.encode(octSecret), kid: 'h1' },
    ],
  }
  server = createServer((request, response) => {
    const path = request.url ?? ''
    hits[path] = (hits[path] ?? 0) + 1
    const json = (status: number, body: unknown) => {
      response.writeHead(status, { 'content-type': 'application/json' })
      response.end(JSON.stringify(body))
    }
    if (path === '/jwks.json') return json(200, jwks)
    if (path === '/broken/jwks.json') return json(500, { error: 'down' })
    if (path === '/.well-known/openid-configuration') {
      return json(200, { issuer: base, jwks_uri: `${base}/jwks.json` })
    }
    if (path === '/liar/.well-known/openid-configuration') {
      return json(200, { issuer: 'https://evil.test', jwks_uri: `${base}/jwks.json` })
    }
    return json(404, {})
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
})

afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())))

const sign = (
  key: CryptoKey | Uint8Array,
  header: Record<string, unknown>,
  claims: Record<string, unknown> = {},
) => {
  const at = Math.floor(Date.now() / 1000)
  const payload = {
    sub: 'svc',
    scope: 'reports:read',
    iss: base,
    aud: AUDIENCE,
    iat: at,
    exp: at + 300,
  }
  return new SignJWT({ ...payload, ...claims })
    .setProtectedHeader({ alg: 'RS256', ...header })
    .sign(key)
}

function appWith(guard: SecurityDependency<any>) {
  return createApp({
    routes: [get('/r', { deps: { who: guard } }, ({ deps }) => ({ who: deps.who }))],
  })
}

const call = (app: ReturnType<typeof appWith>, token: string) =>
  app.request('/r', { headers: { authorization: `Bearer ${token}` } })

describe('bearerJwt with a fixed JWKS URL', () => {
  let app: ReturnType<typeof appWith>
  beforeAll(() => {
    const idp = bearerJwt({
      jwks: { url: `${base}/jwks.json`, cooldown: 60_000 },
      issuer: base,
      audience: AUDIENCE,
      algorithms: ['RS256'],
    })
    app = appWith(idp.user)
  })

  it('accepts a token signed by a key of the set, fetching the set once', async () => {
    const before = hits['/jwks.json'] ?? 0
    const response = await call(app, await sign(signingKey, { kid: 'k1' }))
    expect(response.status).toBe(200)
    expect(await response.json()).toMatchObject({
      who: { subject: 'svc', scopes: ['reports:read'] },
    })
    expect(await (await call(app, await sign(signingKey, { kid: 'k1' }))).json()).toMatchObject({
      who: { subject: 'svc' },
    })
    expect(hits['/jwks.json']! - before).toBe(1)
  })

  it('accepts a key published without "alg" under the pinned algorithm', async () => {
    expect((await call(app, await sign(signingKey, { kid: 'no-alg' }))).status).toBe(200)
  })

  it('answers 1,000 unknown kids with 401 and no refetch within the cooldown', async () => {
    await call(app, await sign(signingKey, { kid: 'k1' }))
    const before = hits['/jwks.json']!
    const statuses = new Set<number>()
    for (let index = 0; index < 1000; index++) {
      const response = await call(app, await sign(attackerKey, { kid: `unknown-${index}` }))
      statuses.add(response.status)
    }
    expect([...statuses]).toEqual([401])
    expect(hits['/jwks.json']! - before).toBe(0)
  })

  it('never fetches a jku or x5u from the token, nor trusts an embedded jwk', async () => {
    const tokens = [
      await sign(attackerKey, { kid: 'k1', jku: `${base}/attacker.json` }),
      await sign(attackerKey, { kid: 'other', x5u: `${base}/attacker.pem` }),
      await sign(attackerKey, { jwk: attackerJwk }),
    ]
    for (const token of tokens) {
      const response = await call(app, token)
      expect(response.status).toBe(401)
      expect(response.headers.get('www-authenticate')).toBe('Bearer error="invalid_token"')
    }
    expect(hits['/attacker.json']).toBeUndefined()
    expect(hits['/attacker.pem']).toBeUndefined()
  })

  it('refuses an HS256 token made with a symmetric key the set happens to contain', async () => {
    const token = await sign(octSecret, { alg: 'HS256', kid: 'h1' })
    expect((await call(app, token)).status).toBe(401)
  })

  it('refuses a wrong audience or issuer', async () => {
    expect((await call(app, await sign(signingKey, { kid: 'k1' }, { aud: 'x' }))).status).toBe(401)
    expect((await call(app, await sign(signingKey, { kid: 'k1' }, { iss: 'x' }))).status).toBe(401)
  })

  it('answers 503 without a challenge when the key set cannot be fetched', async () => {
    const down = bearerJwt({
      jwks: { url: `${base}/broken/jwks.json` },
      issuer: base,
      audience: AUDIENCE,
      algorithms: ['RS256'],
    })
    const response = await call(appWith(down.user), await sign(signingKey, { kid: 'k1' }))
    expect(response.status).toBe(503)
    expect(response.headers.get('www-authenticate')).toBeNull()
    expect(await response.json()).toEqual({ detail: 'Authentication service unavailable' })
  })

  it('refuses symmetric algorithms, a missing audience or issuer, and http URLs when created', () => {
    const url = `${base}/jwks.json`
    expect(() =>
      bearerJwt({
        jwks: { url },
        issuer: base,
        audience: AUDIENCE,
        algorithms: ['HS256' as 'RS256'],
      }),
    ).toThrow("algorithm 'HS256' is not allowed; keys from a JWKS must be asymmetric")
    expect(() =>
      bearerJwt({ jwks: { url }, issuer: base, audience: AUDIENCE, algorithms: [] }),
    ).toThrow("'algorithms' is required")
    expect(() =>
      bearerJwt({ jwks: { url }, issuer: base, audience: '', algorithms: ['RS256'] }),
    ).toThrow("'audience' is required")
    expect(() =>
      bearerJwt({ jwks: { url }, issuer: '', audience: AUDIENCE, algorithms: ['RS256'] }),
    ).toThrow("'issuer' is required")
    expect(() =>
      bearerJwt({
        jwks: { url: 'http://idp.example/jwks.json' },
        issuer: base,
        audience: AUDIENCE,
        algorithms: ['RS256'],
      }),
    ).toThrow('must be an https URL')
  })
})

describe('bearerJwt with an OpenID Connect issuer', () => {
  it('finds the key set through discovery once and checks iss against the configured issuer', async () => {
    const before = hits['/.well-known/openid-configuration'] ?? 0
    const idp = bearerJwt({ oidc: { issuer: base }, audience: AUDIENCE, algorithms: ['RS256'] })
    const app = appWith(idp.user)
    for (let index = 0; index < 3; index++) {
      expect((await call(app, await sign(signingKey, { kid: 'k1' }))).status).toBe(200)
    }
    expect(hits['/.well-known/openid-configuration']! - before).toBe(1)
    const foreign = await sign(signingKey, { kid: 'k1' }, { iss: 'https://evil.test' })
    expect((await call(app, foreign)).status).toBe(401)
    expect(idp.scheme).toEqual({
      type: 'openIdConnect',
      openIdConnectUrl: `${base}/.well-known/openid-configuration`,
    })
  })

  it('answers 503 when the discovery document names another issuer, retrying once per cooldown', async () => {
    const idp = bearerJwt({
      oidc: { issuer: `${base}/liar` },
      audience: AUDIENCE,
      algorithms: ['RS256'],
    })
    const app = appWith(idp.user)
    const token = await sign(signingKey, { kid: 'k1' }, { iss: `${base}/liar` })
    expect((await call(app, token)).status).toBe(503)
    expect((await call(app, token)).status).toBe(503)
    expect(hits['/liar/.well-known/openid-configuration']).toBe(1)
  })
})

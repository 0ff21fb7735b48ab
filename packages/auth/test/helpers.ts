/** Shared test material: keys, hand-made tokens, and a fixture app with every scheme. */
import { createApp, get, post } from '@brisk/router'
import { Hono } from 'hono'
import { base64url, SignJWT } from 'jose'
import {
  anyOf,
  apiKey,
  hashPassword,
  httpBasic,
  jwtTokens,
  oauth2Password,
  type SecurityDependency,
} from '../src/index.ts'

export const SECRET = 'test-secret-of-exactly-32-bytes!'
export const ISSUER = 'https://api.test'
export const AUDIENCE = 'https://api.test'
export const PARTNER_KEY = 'partner-key-0123456789abcdef'
export const FAST = { iterations: 1_000 }

export const now = () => Math.floor(Date.now() / 1000)

/** A token signed with the server's HS256 secret, with whatever claims and header a test needs. */
export function forge(
  claims: Record<string, unknown>,
  header: Record<string, unknown> = {},
  secret: string = SECRET,
): Promise<string> {
  const payload = {
    sub: 'alice',
    iss: ISSUER,
    aud: AUDIENCE,
    iat: now(),
    exp: now() + 300,
    ...claims,
  }
  for (const [name, value] of Object.entries(payload)) {
    if (value === undefined) delete payload[name as keyof typeof payload]
  }
  return new SignJWT(payload)
    .setProtectedHeader({ alg: 'HS256', typ: 'at+jwt', ...header })
    .sign(new TextEncoder().encode(secret))
}

/** An unsigned token (`alg: none` or any header), signature empty. */
export function unsigned(header: Record<string, unknown>, claims: Record<string, unknown>): string {
  const encode = (value: unknown) => base64url.encode(JSON.stringify(value))
  const payload = {
    sub: 'alice',
    iss: ISSUER,
    aud: AUDIENCE,
    iat: now(),
    exp: now() + 300,
    ...claims,
  }
  return `${encode(header)}.${encode(payload)}.`
}

export const users = {
  alice: { password: 'wonderland', scopes: ['items:read', 'items:write'] },
  bob: { password: 'builder', scopes: ['items:read'] },
} as const

/** Every scheme, built once. */
export async function fixture() {
  const tokens = jwtTokens({ secret: SECRET, issuer: ISSUER, audience: AUDIENCE })
  const oauth2 = oauth2Password({
    tokenUrl: '/token',
    scopes: { 'items:read': 'Read items', 'items:write': 'Create items', admin: 'Administer' },
    tokens,
  })
  const partner = apiKey({ in: 'header', name: 'x-api-key', keys: { acme: PARTNER_KEY } })
  const queryKey = apiKey({
    in: 'query',
    name: 'api_key',
    scheme: 'ApiKeyQuery',
    keys: { acme: PARTNER_KEY },
  })
  const basic = httpBasic({
    realm: 'admin',
    users: { root: await hashPassword('s3cret', FAST), jöhn: await hashPassword('pässword', FAST) },
  })
  const either = anyOf(partner, oauth2.user)
  return { tokens, oauth2, partner, queryKey, basic, either }
}

export type Fixture = Awaited<ReturnType<typeof fixture>>

/** Which dependency guards which path, shared by the Brisk app and the plain Hono app. */
export function guardedPaths(f: Fixture): Record<string, SecurityDependency<any>> {
  return {
    '/me': f.oauth2.user,
    '/items': f.oauth2.requireScopes(['items:write']),
    '/key': f.partner,
    '/key-query': f.queryKey,
    '/basic': f.basic,
    '/either': f.either,
  }
}

export function briskApp(f: Fixture) {
  const routes = Object.entries(guardedPaths(f)).map(([path, guard]) =>
    // `security: []` replaces the app default: the guard in `deps` is the route's only check.
    get(path, { security: [], deps: { principal: guard } }, ({ deps }) => ({
      principal: deps.principal,
    })),
  )
  return createApp({
    security: [f.oauth2.user],
    routes: [
      f.oauth2.tokenRoute({
        authenticate: ({ username, password }) => {
          const user = users[username as keyof typeof users]
          if (user === undefined || user.password !== password) return undefined
          return { subject: username, scopes: user.scopes }
        },
      }),
      get('/health', { public: true }, () => 'up'),
      post('/items', { security: [f.oauth2.requireScopes(['items:write'])] }, () => 'created'),
      ...routes,
    ],
  })
}

export function honoApp(f: Fixture) {
  const app = new Hono()
  for (const [path, guard] of Object.entries(guardedPaths(f))) {
    app.get(path, guard.middleware, (c) => c.json({ principal: c.var.principal }))
  }
  return app
}

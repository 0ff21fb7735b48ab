import { openapi } from '@brisk/openapi'
import { createApp, get } from '@brisk/router'
import { Hono } from 'hono'
import { describe, expectTypeOf, it } from 'vitest'
import {
  type ApiKeyClient,
  anyOf,
  apiKey,
  type BasicUser,
  bearerJwt,
  httpBasic,
  jwtTokens,
  oauth2Password,
  type SecurityDependency,
  type TokenPrincipal,
} from './index.ts'

const tokens = jwtTokens({ secret: 'x'.repeat(32), issuer: 'i', audience: 'a' })
const oauth2 = oauth2Password({
  tokenUrl: '/token',
  scopes: { 'items:read': 'Read', 'items:write': 'Write' },
  tokens,
})

describe('security dependency types', () => {
  it('types each scheme principal', () => {
    expectTypeOf(oauth2.user).toEqualTypeOf<SecurityDependency<TokenPrincipal>>()
    expectTypeOf(apiKey({ in: 'header', name: 'k', keys: { a: 'b' } })).toEqualTypeOf<
      SecurityDependency<ApiKeyClient>
    >()
    expectTypeOf(
      apiKey({ in: 'query', name: 'k', lookup: async () => ({ tenant: 1 }) }),
    ).toEqualTypeOf<SecurityDependency<{ tenant: number }>>()
    expectTypeOf(httpBasic({ realm: 'r', users: {} })).toEqualTypeOf<
      SecurityDependency<BasicUser>
    >()
  })

  it('accepts only declared scopes', () => {
    oauth2.requireScopes(['items:read', 'items:write'])
    // @ts-expect-error 'admin' is not a declared scope
    oauth2.requireScopes(['admin'])
    const idp = bearerJwt({ tokens, scopes: { read: 'Read' } })
    // @ts-expect-error 'write' is not declared
    idp.requireScopes(['write'])
    bearerJwt({ tokens }).requireScopes(['anything'])
  })

  it('gives anyOf the union of the alternatives principals', () => {
    const either = anyOf(apiKey({ in: 'header', name: 'k', keys: { a: 'b' } }), oauth2.user)
    expectTypeOf(either).toEqualTypeOf<SecurityDependency<ApiKeyClient | TokenPrincipal>>()
  })

  it('hands the principal to handlers and to Hono middleware', () => {
    get('/me', { deps: { user: oauth2.user } }, ({ deps }) => {
      expectTypeOf(deps.user.scopes).toEqualTypeOf<readonly string[]>()
      return deps.user.subject
    })
    new Hono().get('/me', oauth2.user.middleware, (c) => {
      expectTypeOf(c.var.principal).toEqualTypeOf<TokenPrincipal>()
      return c.text(c.var.principal.subject)
    })
    const app = createApp({ security: [oauth2.requireScopes(['items:read'])], routes: [] })
    openapi(app, { info: { title: 't', version: '1' }, protect: oauth2.user.middleware })
  })

  it('refuses configurations that cannot work', () => {
    const both = { secret: 'x', keys: { algorithm: 'RS256', publicKey: 'k' } } as const
    // @ts-expect-error a secret and keys at once
    jwtTokens({ ...both, issuer: 'i', audience: 'a' })
    // @ts-expect-error HS256 is not a JWKS algorithm
    bearerJwt({ jwks: { url: 'https://x' }, issuer: 'i', audience: 'a', algorithms: ['HS256'] })
    // @ts-expect-error keys and lookup at once
    apiKey({ in: 'header', name: 'k', keys: { a: 'b' }, lookup: () => undefined })
  })
})

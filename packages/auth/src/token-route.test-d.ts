import { dependency, type Resolved, type Route } from '@brisk/router'
import { describe, expectTypeOf, it } from 'vitest'
import {
  jwtTokens,
  oauth2Password,
  type PasswordCredentials,
  type TokenRouteDeclaration,
} from './index.ts'

const oauth2 = oauth2Password({
  tokenUrl: '/token',
  scopes: { read: 'Read' },
  tokens: jwtTokens({ secret: 'x'.repeat(32), issuer: 'i', audience: 'a' }),
})
interface Connection {
  passwordOf(name: string): Promise<string | undefined>
}
const db = dependency(async function* db() {
  yield {} as Connection
})
const settings = dependency({ scope: 'app' }, () => ({ pepper: 'p' }))

describe('tokenRoute types', () => {
  it("types authenticate's second argument from deps", () => {
    const route = oauth2.tokenRoute({
      deps: { db, settings },
      authenticate: async (credentials, deps) => {
        expectTypeOf(credentials).toEqualTypeOf<PasswordCredentials>()
        expectTypeOf(deps.db).toEqualTypeOf<Connection>()
        expectTypeOf(deps.settings).toEqualTypeOf<{ pepper: string }>()
        // @ts-expect-error only declared dependencies are there
        deps.cache
        const stored = await deps.db.passwordOf(credentials.username)
        return stored === credentials.password ? { subject: 'a', scopes: [] } : undefined
      },
    })
    expectTypeOf(route).toEqualTypeOf<Route<TokenRouteDeclaration, 'POST', '/token'>>()
  })

  it('has no dependencies to hand over without deps', () => {
    oauth2.tokenRoute({
      authenticate: (_, deps) => {
        expectTypeOf(deps).toEqualTypeOf<Resolved<Record<never, never>>>()
        return undefined
      },
    })
    oauth2.tokenRoute({
      deps: { db },
      // @ts-expect-error a grant needs its scopes
      authenticate: () => ({ subject: 'a' }),
    })
  })
})

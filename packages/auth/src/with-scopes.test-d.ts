import { type Dependency, dependency, fresh, get } from '@brisk/router'
import { describe, expectTypeOf, it } from 'vitest'
import { oauth2Bearer, type SecurityScopes, securityScopes, withScopes } from './index.ts'

const token = oauth2Bearer({ tokenUrl: '/token', scopes: { me: 'Me' } })
const currentUser = dependency(
  { uses: { token, required: securityScopes } },
  ({ token, required }) => {
    expectTypeOf(required).toEqualTypeOf<SecurityScopes>()
    expectTypeOf(required.scopes).toEqualTypeOf<readonly string[]>()
    expectTypeOf(required.scopeStr).toEqualTypeOf<string>()
    return { name: token, admin: false }
  },
)

describe('withScopes types', () => {
  it('keeps the value type of the dependency it scopes', () => {
    expectTypeOf(securityScopes).toEqualTypeOf<Dependency<SecurityScopes>>()
    expectTypeOf(withScopes(currentUser, ['me'])).toEqualTypeOf<
      Dependency<{ name: string; admin: boolean }>
    >()
    get('/me', { deps: { user: withScopes(currentUser, ['me']) } }, ({ deps }) => {
      expectTypeOf(deps.user.admin).toEqualTypeOf<boolean>()
      return deps.user.name
    })
    fresh(withScopes(currentUser, ['me']))
  })

  it('takes a dependency and a list of scopes only', () => {
    // @ts-expect-error a list of scopes, not one string
    withScopes(currentUser, 'me')
    // @ts-expect-error a dependency, not a fresh() use
    withScopes(fresh(currentUser), ['me'])
  })
})

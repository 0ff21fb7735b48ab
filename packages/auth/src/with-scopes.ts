/**
 * `withScopes` is FastAPI's `Security(dependency, scopes=[...])`: it requires scopes of a
 * dependency, which reads them (with those required further out) through `securityScopes`.
 */
import { type Dependency, isDependency } from '@brisk/router'
import {
  declare,
  declaredOf,
  mergeScopes,
  oauth2Schemes,
  readsScopes,
  variant,
} from './internal/rescope.ts'
import { assertScopeNames } from './internal/scopes.ts'

/**
 * The dependency with `scopes` required of it: it and the dependencies it uses see them, after
 * those required further out, in `securityScopes` (`withScopes(activeUser, ['items'])` around
 * `activeUser`'s `withScopes(currentUser, ['me'])` gives `currentUser` `["items", "me"]`). The
 * scopes are listed on the route's security requirement of every OAuth2 scheme it reaches. Your
 * dependency checks them; `requireScopes` is the check done for you.
 *
 * Made when the route is declared, one variant per set of scopes (reused: one value per request
 * for each set); overriding the dependency replaces every variant. Throws at creation when nothing
 * along it reads `securityScopes` (the scopes would be documented but never checked) and for a
 * scope the OAuth2 scheme(s) it reaches do not declare.
 *
 * @example
 * const activeUser = dependency({ uses: { user: withScopes(currentUser, ['me']) } }, ({ user }) => user)
 * const ownItems = get('/users/me/items', { deps: { user: withScopes(activeUser, ['items']) } }, ({ deps }) => deps.user.items)
 */
export function withScopes<TValue>(
  dependency: Dependency<TValue>,
  scopes: readonly string[],
): Dependency<TValue> {
  if (!isDependency(dependency)) throw new TypeError('withScopes: expected a dependency')
  const where = `withScopes('${dependency.name}')`
  if (!Array.isArray(scopes)) throw new TypeError(`${where}: 'scopes' must be a list of scopes`)
  assertScopeNames(scopes, where)
  // Scoping a withScopes result again: the new scopes are outer to the ones it has.
  const own = declaredOf(dependency)
  const of = own?.of ?? dependency
  const required = mergeScopes(scopes, own?.scopes ?? [])
  if (!readsScopes(of)) {
    throw new TypeError(
      `${where}: neither it nor a dependency it uses reads 'securityScopes', so the scopes would be documented but never checked (requireScopes checks them for you)`,
    )
  }
  const schemes = oauth2Schemes(of)
  const declaredScopes = [...schemes.values()].flat()
  const undeclared = required.filter((scope) => schemes.size > 0 && !declaredScopes.includes(scope))
  if (undeclared.length > 0) {
    const names = [...schemes.keys()].map((name) => `'${name}'`).join(', ')
    throw new TypeError(
      `${where}: scope(s) ${undeclared.map((scope) => `'${scope}'`).join(', ')} not declared in the scopes of ${names}`,
    )
  }
  if (required.length === 0) return dependency
  const made = variant(of, required)
  declare(made, of, required)
  return made as Dependency<TValue>
}

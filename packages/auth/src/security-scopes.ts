/**
 * `securityScopes` is FastAPI's `SecurityScopes`: a dependency that tells your own security
 * dependency (a `get_current_user`) which scopes the route requires of it, gathered along the
 * dependency chain by `withScopes`.
 */
import { type Dependency, dependency } from '@brisk/router'

/** The scopes required of the dependency that reads them, outer first. */
export interface SecurityScopes {
  /** Every scope required along the chain, each once: FastAPI's `security_scopes.scopes`. */
  readonly scopes: readonly string[]
  /** The same, space-separated (`"items me"`), for `WWW-Authenticate`: FastAPI's `scope_str`. */
  readonly scopeStr: string
}

/** Makes the frozen value of a set of scopes. */
export function scopesValue(scopes: readonly string[]): SecurityScopes {
  return Object.freeze({ scopes: Object.freeze([...scopes]), scopeStr: scopes.join(' ') })
}

const NONE = scopesValue([])

/**
 * The scopes required of the dependency that uses it: those `withScopes` added on the way from
 * the route to it (the route's, then each enclosing dependency's). None where nothing added any.
 * Request-scoped: an app-scoped dependency cannot use it.
 *
 * @example
 * const currentUser = dependency({ uses: { token, required: securityScopes } }, async ({ token, required }) => {
 *   const challenge = required.scopes.length > 0 ? `Bearer scope="${required.scopeStr}"` : 'Bearer'
 *   const user = await usersByToken(token)
 *   if (!user || required.scopes.some((scope) => !user.scopes.includes(scope))) {
 *     throw new HTTPException(401, 'Not enough permissions', { 'www-authenticate': challenge })
 *   }
 *   return user
 * })
 */
export const securityScopes: Dependency<SecurityScopes> = dependency(
  { name: 'securityScopes' },
  () => NONE,
)

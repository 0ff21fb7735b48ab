import type { Dependency, SecuritySchemeObject } from '@brisk/router'
import type { SecurityDependency, TokenPrincipal } from '../types.ts'
import { readCredentials } from './authorization.ts'
import { BEARER, INVALID_TOKEN, insufficientScope } from './challenge.ts'
import { AUTHORIZATION } from './credentials.ts'
import { fail, type Guard } from './guard.ts'
import { assertScopeNames, missingScopes, parseScopes } from './scopes.ts'
import { derivedSecurityDependency, securityDependency } from './security-dependency.ts'
import { toException } from './to-exception.ts'
import type { VerifyResult } from './verify-jwt.ts'

/** A bearer-token scheme: who the token's holder is, and checks of its scopes. */
export interface BearerScheme<TScope extends string> {
  /** The scheme's name in the OpenAPI document. */
  readonly name: string
  /** The OpenAPI security scheme object. */
  readonly scheme: SecuritySchemeObject
  /** Any valid token: 401 when missing or invalid. */
  readonly user: SecurityDependency<TokenPrincipal>
  /**
   * A valid token granted every listed scope: 403 `insufficient_scope` otherwise. The scopes are
   * listed on the operation's security requirement.
   */
  requireScopes(scopes: readonly TScope[]): SecurityDependency<TokenPrincipal>
}

export interface BearerSchemeOptions {
  readonly name: string
  readonly scheme: SecuritySchemeObject
  /** Checks a token; `config` is the value of `config` (the dependency), when given. */
  readonly verify: (token: string, config: unknown) => Promise<VerifyResult>
  readonly config?: Dependency<unknown> | undefined
  /** Declared scopes; `requireScopes` refuses others at creation. `undefined`: any. */
  readonly scopes: readonly string[] | undefined
  readonly scopeClaim: string
  readonly where: string
}

export function bearerScheme<TScope extends string>(
  options: BearerSchemeOptions,
): BearerScheme<TScope> {
  const { name, scheme, verify, scopeClaim, where } = options
  const schemes = { [name]: scheme }
  const config = options.config === undefined ? {} : { config: options.config }
  const guard: Guard<TokenPrincipal> = {
    name,
    security: { schemes, requirements: [{ [name]: [] }], credentials: AUTHORIZATION },
    challenge: BEARER,
    ...config,
    async authenticate(read, configured) {
      const credentials = readCredentials(read('headers', 'authorization'), 'Bearer')
      if (credentials.kind === 'absent') return fail('absent', BEARER)
      if (credentials.kind === 'malformed') return fail('invalid', INVALID_TOKEN)
      const result = await verify(credentials.value, configured)
      if (!result.ok) {
        return result.reason === 'invalid'
          ? fail('invalid', INVALID_TOKEN)
          : fail('unavailable', undefined)
      }
      const { claims } = result
      const principal: TokenPrincipal = {
        subject: claims.sub as string,
        scopes: parseScopes(claims[scopeClaim]),
        claims,
      }
      return { ok: true, principal }
    },
  }
  const user = securityDependency(guard)

  function requireScopes(required: readonly TScope[]): SecurityDependency<TokenPrincipal> {
    const label = `${where}.requireScopes`
    if (!Array.isArray(required) || required.length === 0) {
      throw new TypeError(`${label}: list at least one scope (or use '.user' for any token)`)
    }
    assertScopeNames(required, label)
    const declared = options.scopes
    if (declared !== undefined) {
      const unknown = required.filter((scope) => !declared.includes(scope))
      if (unknown.length > 0) {
        throw new TypeError(
          `${label}: scope(s) ${unknown.map((s) => `'${s}'`).join(', ')} not declared in 'scopes'`,
        )
      }
    }
    const scopes = [...new Set(required)]
    const forbidden = fail('forbidden', insufficientScope(scopes))
    const check = (principal: TokenPrincipal): TokenPrincipal | undefined =>
      missingScopes(principal.scopes, scopes).length === 0 ? principal : undefined
    const scoped: Guard<TokenPrincipal> = {
      name: `${name}[${scopes.join(' ')}]`,
      security: { schemes, requirements: [{ [name]: scopes }], credentials: AUTHORIZATION },
      challenge: BEARER,
      ...config,
      async authenticate(read, configured) {
        const outcome = await guard.authenticate(read, configured)
        if (!outcome.ok) return outcome
        return check(outcome.principal) ? outcome : forbidden
      },
    }
    // Uses `user`, so a route checking several scope sets verifies the token once per request.
    return derivedSecurityDependency(scoped, { principal: user }, ({ principal }) => {
      if (check(principal)) return principal
      throw toException(forbidden)
    })
  }

  return { name, scheme, user, requireScopes }
}

/**
 * `anyOf` accepts any one of several schemes (e.g. an API key OR a bearer token): OpenAPI security
 * alternatives, tried in the order given.
 */

import { type Dependency, dependency, type SecurityDeclaration } from '@brisk/router'
import type { Guard, Outcome } from './internal/guard.ts'
import { securityDependency } from './internal/security-dependency.ts'
import type { SecurityDependency } from './types.ts'

type PrincipalOf<TDependency> =
  TDependency extends SecurityDependency<infer TPrincipal> ? TPrincipal : never

/**
 * Accepts the first alternative, in the order given, whose credentials the request carries: that
 * one decides (its principal, or its 401/403). So a request with a key in the header and another
 * in the query is judged by whichever alternative comes first. With no credentials for any, 401
 * `Not authenticated` lists every alternative's challenge.
 *
 * @example
 * const caller = anyOf(partnerKey, oauth2.requireScopes(['reports:read']))
 * const report = get('/report', { deps: { caller } }, ({ deps }) => deps.caller)
 */
export function anyOf<const TAlternatives extends readonly SecurityDependency<any>[]>(
  ...alternatives: TAlternatives
): SecurityDependency<PrincipalOf<TAlternatives[number]>> {
  if (alternatives.length < 2) {
    throw new TypeError('anyOf: give at least two security dependencies')
  }
  const guards = alternatives.map((alternative, index) => {
    const guard = alternative?.['~guard']
    if (guard === undefined) {
      throw new TypeError(
        `anyOf: alternative ${index + 1} is not a security dependency from @brisk/auth`,
      )
    }
    return guard as Guard<PrincipalOf<TAlternatives[number]>>
  })
  const security: SecurityDeclaration = {
    schemes: Object.assign({}, ...guards.map((guard) => guard.security.schemes)),
    requirements: guards.flatMap((guard) => guard.security.requirements),
    credentials: guards.flatMap((guard) => guard.security.credentials),
  }
  const challenge = [...new Set(guards.map((guard) => guard.challenge))].join(', ')
  // Alternatives configured by dependencies: one combined configuration, each its own part.
  const configs = guards.map((alternative) => alternative.config)
  const configured = configs.some((config) => config !== undefined)
  const guard: Guard<PrincipalOf<TAlternatives[number]>> = {
    name: `anyOf(${guards.map((g) => g.name).join(', ')})`,
    security,
    challenge,
    ...(configured ? { config: allOf(configs) } : {}),
    async authenticate(read, made): Promise<Outcome<PrincipalOf<TAlternatives[number]>>> {
      for (const [index, alternative] of guards.entries()) {
        const outcome = await alternative.authenticate(
          read,
          (made as unknown[] | undefined)?.[index],
        )
        if (outcome.ok || outcome.reason !== 'absent') return outcome
      }
      return { ok: false, reason: 'absent', challenge }
    },
  }
  return securityDependency(guard)
}

/** One dependency whose value lists the given ones' values, in order (`undefined` for none). */
function allOf(configs: readonly (Dependency<unknown> | undefined)[]): Dependency<unknown[]> {
  const uses = Object.fromEntries(
    configs.flatMap((config, index) => (config ? [[String(index), config]] : [])),
  )
  return dependency({ name: 'anyOf.config', uses }, (values: Record<string, unknown>) =>
    configs.map((_, index) => values[String(index)]),
  ) as Dependency<unknown[]>
}

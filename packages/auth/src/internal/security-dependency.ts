import { type Dependency, dependency, type Uses } from '@brisk/router'
import type { MiddlewareHandler } from 'hono'
import type { AuthEnv, SecurityDependency } from '../types.ts'
import { honoReader, inputsReader } from './credentials.ts'
import type { Guard } from './guard.ts'
import { toException } from './to-exception.ts'

/** The guard as a plain Hono middleware: sets `principal`, or answers the failure itself. */
function middlewareOf<TPrincipal>(
  guard: Guard<TPrincipal>,
): MiddlewareHandler<AuthEnv<TPrincipal>> {
  return async (c, next) => {
    const outcome = await guard.authenticate(honoReader(c))
    if (!outcome.ok) return toException(outcome).toResponse()
    c.set('principal', outcome.principal)
    await next()
  }
}

function attach<TPrincipal>(
  base: Dependency<TPrincipal>,
  guard: Guard<TPrincipal>,
): SecurityDependency<TPrincipal> {
  return Object.assign(base, {
    middleware: middlewareOf(guard),
    '~guard': guard,
  }) as SecurityDependency<TPrincipal>
}

/** A dependency that reads the guard's credential inputs and runs it. */
export function securityDependency<TPrincipal>(
  guard: Guard<TPrincipal>,
): SecurityDependency<TPrincipal> {
  const base = dependency({ name: guard.name, security: guard.security }, async (_, { inputs }) => {
    const outcome = await guard.authenticate(inputsReader(inputs))
    if (!outcome.ok) throw toException(outcome)
    return outcome.principal
  }) as Dependency<TPrincipal>
  return attach(base, guard)
}

/**
 * A dependency derived from others (e.g. a scope check on the principal the base dependency
 * already verified this request), with `guard` as its standalone form.
 */
export function derivedSecurityDependency<TPrincipal, TUses extends Uses>(
  guard: Guard<TPrincipal>,
  uses: TUses,
  check: (deps: any) => TPrincipal,
): SecurityDependency<TPrincipal> {
  const base = dependency({ name: guard.name, uses, security: guard.security }, (deps) =>
    check(deps),
  ) as Dependency<TPrincipal>
  return attach(base, guard)
}

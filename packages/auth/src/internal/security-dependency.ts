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
  if (guard.config !== undefined) {
    // No container outside Brisk to make the configuration: refuse at set-up, not per request.
    throw new TypeError(
      `${guard.name}: configured through a dependency ('${guard.config.name}'), so it cannot run as a plain Hono middleware; pass the value itself for that`,
    )
  }
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
  // A getter: a guard configured by a dependency has no middleware form, and says so when asked.
  return Object.defineProperties(base, {
    middleware: { get: () => middlewareOf(guard), enumerable: true },
    '~guard': { value: guard, enumerable: true },
  }) as SecurityDependency<TPrincipal>
}

/** A dependency that reads the guard's credential inputs and runs it. */
export function securityDependency<TPrincipal>(
  guard: Guard<TPrincipal>,
): SecurityDependency<TPrincipal> {
  const uses = guard.config === undefined ? {} : { config: guard.config }
  const base = dependency(
    { name: guard.name, security: guard.security, uses },
    async ({ config }: { config?: unknown }, { inputs }) => {
      const outcome = await guard.authenticate(inputsReader(inputs), config)
      if (!outcome.ok) throw toException(outcome)
      return outcome.principal
    },
  ) as Dependency<TPrincipal>
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

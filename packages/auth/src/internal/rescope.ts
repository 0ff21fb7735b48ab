/**
 * Scopes along a dependency chain, planned once: a dependency that (transitively) reads
 * `securityScopes` or declares an OAuth2 scheme gets one variant per set of scopes required of it,
 * made when the route is declared. Each variant names its original as `origin`, so overriding the
 * original replaces every variant; variants of the same set are one object (one value per request).
 */
import type { Dependency, DependencyMeta, SecurityDeclaration, Use } from '@brisk/router'
import { fresh } from '@brisk/router'
import { type SecurityScopes, scopesValue, securityScopes } from '../security-scopes.ts'

/** What `withScopes` made: the dependency it scoped and the scopes it added. */
interface Declared {
  readonly of: Dependency
  readonly scopes: readonly string[]
}

const declared = new WeakMap<Dependency, Declared>()
const variants = new WeakMap<Dependency, Map<string, Dependency>>()
const scoped = new WeakMap<Dependency, boolean>()
const reading = new WeakMap<Dependency, boolean>()

/** `outer` then those of `inner` not in it: FastAPI's order (the route's scopes first). */
export function mergeScopes(outer: readonly string[], inner: readonly string[]): string[] {
  return [...new Set([...outer, ...inner])]
}

const securityDeclaration = (dependency: Dependency) => (dependency.meta as DependencyMeta).security

const usedDependencies = (dependency: Dependency): Dependency[] =>
  Object.values(dependency.uses).map((use) => (use.kind === 'fresh' ? use.dependency : use))

/** Schemes whose requirements carry scopes (OAuth2, OpenID Connect). */
function scopedSchemes(declaration: SecurityDeclaration | undefined): string[] {
  if (declaration === undefined) return []
  return Object.entries(declaration.schemes)
    .filter(([, scheme]) => scheme.type === 'oauth2' || scheme.type === 'openIdConnect')
    .map(([name]) => name)
}

function memo(cache: WeakMap<Dependency, boolean>, test: (dependency: Dependency) => boolean) {
  const check = (dependency: Dependency): boolean => {
    const known = cache.get(dependency)
    if (known !== undefined) return known
    const result =
      dependency.scope === 'request' &&
      (test(dependency) || usedDependencies(dependency).some(check))
    cache.set(dependency, result)
    return result
  }
  return check
}

const isScopesReader = (dependency: Dependency) =>
  dependency === securityScopes || dependency.origin === securityScopes

/** Whether the dependency or one it uses reads `securityScopes` (someone can check them). */
export const readsScopes = memo(reading, isScopesReader)

/** Whether scopes change the dependency: it reads them, or documents them on a scheme. */
const takesScopes = memo(
  scoped,
  (dependency) =>
    isScopesReader(dependency) ||
    declared.has(dependency) ||
    scopedSchemes(securityDeclaration(dependency)).length > 0,
)

/** The OAuth2 schemes a dependency reaches, with their declared scopes. */
export function oauth2Schemes(dependency: Dependency, found = new Map<string, string[]>()) {
  for (const [name, scheme] of Object.entries(securityDeclaration(dependency)?.schemes ?? {})) {
    if (scheme.type === 'oauth2') found.set(name, Object.keys(scheme.flows.password.scopes))
  }
  for (const used of usedDependencies(dependency)) oauth2Schemes(used, found)
  return found
}

/** The meta with the scopes added to its OAuth2/OpenID Connect requirements, for the document. */
function scopedMeta(meta: Dependency['meta'], scopes: readonly string[]): Dependency['meta'] {
  const security = (meta as DependencyMeta).security
  const names = scopedSchemes(security)
  if (security === undefined || names.length === 0) return meta
  const requirements = security.requirements.map((requirement) =>
    Object.fromEntries(
      Object.entries(requirement).map(([name, required]) => [
        name,
        names.includes(name) ? mergeScopes(scopes, required) : required,
      ]),
    ),
  )
  return { ...meta, security: { ...security, requirements } }
}

function rescopeUse(use: Use, scopes: readonly string[]): Use {
  if (use.kind !== 'fresh') return rescope(use, scopes)
  const inner = rescope(use.dependency, scopes)
  return inner === use.dependency ? use : fresh(inner)
}

/** A dependency used under `scopes`: a `withScopes` result adds its own after them. */
function rescope(dependency: Dependency, scopes: readonly string[]): Dependency {
  const own = declared.get(dependency)
  return own ? variant(own.of, mergeScopes(scopes, own.scopes)) : variant(dependency, scopes)
}

/** The dependency as used where `scopes` are required of it: itself when they change nothing. */
export function variant(dependency: Dependency, scopes: readonly string[]): Dependency {
  if (scopes.length === 0 || !takesScopes(dependency)) return dependency
  const key = scopes.join(' ')
  const bySet = variants.get(dependency) ?? new Map<string, Dependency>()
  variants.set(dependency, bySet)
  const known = bySet.get(key)
  if (known !== undefined) return known
  const value: SecurityScopes = scopesValue(scopes)
  const made: Dependency = {
    kind: 'dependency',
    name: dependency.name,
    scope: dependency.scope,
    eager: dependency.eager,
    factory: dependency === securityScopes ? () => value : dependency.factory,
    uses: Object.fromEntries(
      Object.entries(dependency.uses).map(([name, use]) => [name, rescopeUse(use, scopes)]),
    ),
    meta: scopedMeta(dependency.meta, scopes),
    origin: dependency.origin ?? dependency,
  }
  bySet.set(key, made)
  return made
}

/** Records what `withScopes` made, so an enclosing `withScopes` adds its scopes before these. */
export function declare(made: Dependency, of: Dependency, scopes: readonly string[]): void {
  declared.set(made, { of, scopes })
}

/** What a `withScopes` result stands for, if `dependency` is one. */
export function declaredOf(dependency: Dependency): Declared | undefined {
  return declared.get(dependency)
}

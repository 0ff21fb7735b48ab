/**
 * The inputs a route validates, gathered from the route and its dependencies, split by stage:
 * credentials and security dependencies' inputs before security runs, the rest after it.
 */
import type { Dependency } from '@brisk/di'
import { type FieldSchemas, headerName, type InputSpec, locationEntries } from '@brisk/validator'
import * as v from 'valibot'
import { type Credential, inputsOf, securityOf } from '../dependency-meta.ts'

const LOCATIONS = ['params', 'query', 'headers', 'cookies', 'body'] as const

type MutableSpec = { -readonly [TKey in keyof InputSpec]: InputSpec[TKey] }

/** The one schema of every credential: optional (absence is a 401), never echoed in an issue. */
const CREDENTIAL = v.optional(v.pipe(v.string(), v.metadata({ sensitive: true })))

export interface RouteInputs {
  /** Everything declared, the route's own and every dependency's (what the docs list). */
  readonly declared: InputSpec
  /** Validated first: every credential of the graph and the security dependencies' inputs. */
  readonly beforeSecurity: InputSpec
  /** Validated once security passed: the route's own and its other dependencies' inputs. */
  readonly afterSecurity: InputSpec
  /** The credentials security declarations read, each once. */
  readonly credentials: readonly Credential[]
}

/** Gathers a route's inputs; a field declared twice with different schemas throws, naming `where`. */
export function gatherInputs(
  own: InputSpec,
  dependencies: readonly Dependency[],
  security: ReadonlySet<Dependency>,
  where: string,
): RouteInputs {
  const credentials = credentialsOf(dependencies)
  const credentialSpec = credentialInputs(credentials)
  const ownAnd = (deps: readonly Dependency[], documented = false) =>
    deps.reduce((spec, dep) => {
      const inputs = documented ? documentedInputs(dep) : inputsOf(dep)
      return mergeInto(spec, inputs, dep.name, where)
    }, own)
  const securityInputs = dependencies
    .filter((dep) => security.has(dep))
    .reduce((spec, dep) => mergeInto(spec, inputsOf(dep), dep.name, where), credentialSpec)
  return {
    declared: ownAnd(dependencies, true),
    beforeSecurity: securityInputs,
    afterSecurity: ownAnd(dependencies.filter((dep) => !security.has(dep))),
    credentials,
  }
}

/** A dependency's inputs as documented: without the credentials its security declaration reads. */
function documentedInputs(dependency: Dependency): InputSpec | undefined {
  const inputs = inputsOf(dependency)
  const credentials = securityOf(dependency)?.credentials
  if (inputs === undefined || credentials === undefined || credentials.length === 0) return inputs
  const documented: MutableSpec = { ...inputs }
  for (const location of ['query', 'headers', 'cookies'] as const) {
    const declared = inputs[location]
    if (declared === undefined) continue
    const names = credentials.filter((c) => c.in === location).map((c) => c.name)
    const fields = Object.entries(
      locationEntries(declared, `dependency '${dependency.name}': ${location}`),
    )
    const kept = fields.filter(
      ([name]) => !names.includes(location === 'headers' ? headerName(name) : name),
    )
    if (kept.length === 0) delete documented[location]
    else documented[location] = Object.fromEntries(kept)
  }
  return documented
}

function credentialsOf(dependencies: readonly Dependency[]): Credential[] {
  const seen = new Map<string, Credential>()
  for (const dependency of dependencies) {
    for (const credential of securityOf(dependency)?.credentials ?? []) {
      seen.set(`${credential.in} ${credential.name}`, credential)
    }
  }
  return [...seen.values()]
}

function credentialInputs(credentials: readonly Credential[]): InputSpec {
  const spec: Partial<Record<Credential['in'], FieldSchemas>> = {}
  for (const credential of credentials) {
    spec[credential.in] = { ...spec[credential.in], [credential.name]: CREDENTIAL }
  }
  return spec
}

/**
 * `into` with `added` merged in, location by location, so one validator reads them all and every
 * issue lands in one response. A field declared twice must be the same schema.
 */
export function mergeInto(
  into: InputSpec,
  added: InputSpec | undefined,
  declaredBy: string,
  where: string,
): InputSpec {
  if (added === undefined) return into
  const merged: MutableSpec = { ...into }
  for (const location of LOCATIONS) {
    const extra = added[location]
    if (extra === undefined) continue
    const existing = merged[location]
    if (existing === undefined) {
      merged[location] = extra as never
      continue
    }
    if (existing === extra) continue
    const label = `${where}: ${location}`
    const from = locationEntries(extra, `${label} of dependency '${declaredBy}'`)
    const base = locationEntries(existing, label)
    for (const [name, schema] of Object.entries(from)) {
      if (name in base && base[name] !== schema && !sameCredential(base[name]!, schema)) {
        throw new Error(
          `${where}: ${location} field '${name}' is declared with different schemas (dependency '${declaredBy}')`,
        )
      }
    }
    merged[location] = { ...base, ...from }
  }
  if (added.bodyType !== undefined) {
    if (merged.bodyType !== undefined && merged.bodyType !== added.bodyType) {
      throw new Error(
        `${where}: dependency '${declaredBy}' reads a ${added.bodyType} body, the route a ${merged.bodyType} one`,
      )
    }
    merged.bodyType = added.bodyType
  }
  return merged
}

/** A security dependency may declare its own schema for a field that is also a credential. */
function sameCredential(left: v.GenericSchema, right: v.GenericSchema): boolean {
  return left === CREDENTIAL || right === CREDENTIAL
}

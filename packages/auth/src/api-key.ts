/**
 * `apiKey` authenticates by a key in a header, query parameter or cookie: against configured keys
 * (compared as SHA-256 digests, in constant time) or through a lookup function.
 */
import { type Dependency, isDependency } from '@brisk/router'
import { API_KEY } from './internal/challenge.ts'
import { sha256, timingSafeEqual } from './internal/constant-time.ts'
import { credentialName } from './internal/credentials.ts'
import { type CredentialLocation, fail, type Guard } from './internal/guard.ts'
import { securityDependency } from './internal/security-dependency.ts'
import type { SecurityDependency } from './types.ts'

/** Longest key looked at; longer ones are refused without hashing or lookup. */
const MAX_KEY_LENGTH = 1024
const MIN_CONFIGURED_KEY_BYTES = 16

const LOCATIONS = { header: 'headers', query: 'query', cookie: 'cookies' } as const

interface CommonOptions {
  /** Where the key is sent. A query key ends up in logs and history: prefer a header. */
  readonly in: 'header' | 'query' | 'cookie'
  /** The header, parameter or cookie name, e.g. `x-api-key`. */
  readonly name: string
  /** Name of the scheme in the OpenAPI document (default `ApiKey`). */
  readonly scheme?: string
  readonly description?: string
}

export interface ApiKeyListOptions extends CommonOptions {
  /**
   * Valid keys by client name (at least 16 bytes each); the principal is `{ name }`. Or an
   * app-scoped dependency making them (from settings or a Worker's secrets).
   */
  readonly keys: Readonly<Record<string, string>> | Dependency<Readonly<Record<string, string>>>
  readonly lookup?: never
}

export interface ApiKeyLookupOptions<TPrincipal> extends CommonOptions {
  readonly keys?: never
  /** Maps a key to its principal, e.g. by its hash in a database; `undefined` if unknown. */
  readonly lookup: (key: string) => TPrincipal | undefined | Promise<TPrincipal | undefined>
}

/** The principal of a configured key. */
export interface ApiKeyClient {
  readonly name: string
}

function keysMatcher(keys: Readonly<Record<string, string>>, where: string) {
  const entries = Object.entries(keys)
  if (entries.length === 0) throw new TypeError(`${where}: 'keys' lists no key`)
  for (const [name, key] of entries) {
    if (
      typeof key !== 'string' ||
      new TextEncoder().encode(key).length < MIN_CONFIGURED_KEY_BYTES
    ) {
      throw new TypeError(`${where}: key '${name}' must be a string of at least 16 bytes`)
    }
  }
  let digests: Promise<Uint8Array[]> | undefined
  return async (candidate: string): Promise<ApiKeyClient | undefined> => {
    digests ??= Promise.all(entries.map(([, key]) => sha256(key)))
    const expected = await digests
    const actual = await sha256(candidate)
    // Every key is compared, so the time does not tell which (or whether one) matched.
    let found = -1
    for (let index = 0; index < expected.length; index++) {
      if (timingSafeEqual(actual, expected[index]!)) found = index
    }
    return found === -1 ? undefined : { name: entries[found]![0] }
  }
}

/**
 * API key authentication.
 *
 * @example
 * const partner = apiKey({ in: 'header', name: 'x-api-key', keys: { acme: env.ACME_KEY } })
 * const report = get('/report', { deps: { client: partner } }, ({ deps }) => deps.client.name)
 */
export function apiKey(options: ApiKeyListOptions): SecurityDependency<ApiKeyClient>
export function apiKey<TPrincipal>(
  options: ApiKeyLookupOptions<TPrincipal>,
): SecurityDependency<TPrincipal>
export function apiKey(
  options: ApiKeyListOptions | ApiKeyLookupOptions<unknown>,
): SecurityDependency<any> {
  const where = 'apiKey'
  const location: CredentialLocation | undefined = LOCATIONS[options.in]
  if (location === undefined) throw new TypeError(`${where}: 'in' must be header, query or cookie`)
  const field = credentialName(location, options.name, where)
  const schemeName = options.scheme ?? 'ApiKey'
  let find: (key: string, config: unknown) => unknown
  let config: Dependency<unknown> | undefined
  if (options.keys !== undefined) {
    if (options.lookup !== undefined)
      throw new TypeError(`${where}: give 'keys' or 'lookup', not both`)
    const { keys } = options
    if (isDependency(keys)) {
      config = keys
      // One matcher per keys object the dependency makes (normally one, app-scoped).
      const matchers = new WeakMap<object, (key: string) => Promise<ApiKeyClient | undefined>>()
      find = (key, made) => {
        const record = made as Readonly<Record<string, string>>
        let match = matchers.get(record)
        if (match === undefined) {
          match = keysMatcher(record, `${where} ('${keys.name}')`)
          matchers.set(record, match)
        }
        return match(key)
      }
    } else {
      find = keysMatcher(keys, where)
    }
  } else if (typeof options.lookup === 'function') {
    find = options.lookup
  } else {
    throw new TypeError(`${where}: give 'keys' (name → key) or 'lookup' (key → principal)`)
  }
  const guard: Guard<unknown> = {
    name: schemeName,
    security: {
      credentials: [{ in: location, name: field }],
      schemes: {
        [schemeName]: {
          type: 'apiKey',
          name: field,
          in: options.in,
          ...(options.description === undefined ? {} : { description: options.description }),
        },
      },
      requirements: [{ [schemeName]: [] }],
    },
    challenge: API_KEY,
    ...(config === undefined ? {} : { config }),
    async authenticate(read, made) {
      const key = read(location, field)
      if (key === undefined || key === '') return fail('absent', API_KEY)
      if (key.length > MAX_KEY_LENGTH) return fail('invalid', API_KEY)
      const principal = await find(key, made)
      return principal === undefined || principal === null
        ? fail('invalid', API_KEY)
        : { ok: true, principal }
    },
  }
  return securityDependency(guard)
}

/**
 * `httpBasic` is HTTP Basic authentication (RFC 7617): UTF-8 credentials split on the first
 * colon, checked against PBKDF2 hashes (with a dummy check for unknown users) or a function.
 */
import { readCredentials } from './internal/authorization.ts'
import { assertQuotable, basicChallenge } from './internal/challenge.ts'
import { AUTHORIZATION } from './internal/credentials.ts'
import { fail, type Guard } from './internal/guard.ts'
import { securityDependency } from './internal/security-dependency.ts'
import { dummyVerify, parsePasswordHash, verifyPassword } from './password-hash.ts'
import type { SecurityDependency } from './types.ts'

interface CommonOptions {
  /** The protection space named in the challenge (without one, the challenge is plain `Basic`). */
  readonly realm?: string
  /** Name of the scheme in the OpenAPI document (default `HTTPBasic`). */
  readonly name?: string
  readonly description?: string
}

export interface HttpBasicUsersOptions extends CommonOptions {
  /** Users by name, each with a `hashPassword` hash; the principal is `{ username }`. */
  readonly users: Readonly<Record<string, string>>
  readonly verify?: never
}

export interface HttpBasicVerifyOptions<TPrincipal> extends CommonOptions {
  readonly users?: never
  /** The app's check: a principal for good credentials, `undefined` otherwise. */
  readonly verify: (
    username: string,
    password: string,
  ) => TPrincipal | undefined | Promise<TPrincipal | undefined>
}

/** The principal of a configured user. */
export interface BasicUser {
  readonly username: string
}

const BASE64 = /^[A-Za-z0-9+/]+={0,2}$/
/** Decoded credentials longer than this are refused (bounded work per request). */
const MAX_ENCODED = 1368

type Decoded = { username: string; password: string } | undefined

function decode(value: string): Decoded {
  if (value.length > MAX_ENCODED || value.length % 4 !== 0 || !BASE64.test(value)) return undefined
  let text: string
  try {
    const binary = atob(value)
    const bytes = Uint8Array.from(binary, (char) => char.charCodeAt(0))
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes)
  } catch {
    return undefined
  }
  const colon = text.indexOf(':')
  if (colon <= 0) return undefined
  return { username: text.slice(0, colon), password: text.slice(colon + 1) }
}

function usersVerifier(users: Readonly<Record<string, string>>, where: string) {
  const entries = Object.entries(users)
  if (entries.length === 0) throw new TypeError(`${where}: 'users' lists no user`)
  let iterations = 0
  for (const [name, hash] of entries) {
    if (name.includes(':')) throw new TypeError(`${where}: user name '${name}' contains a colon`)
    try {
      // The dummy check costs as much as the dearest real one: no user is told apart by time.
      iterations = Math.max(iterations, parsePasswordHash(hash).iterations)
    } catch {
      throw new TypeError(`${where}: user '${name}' needs a hash from hashPassword()`)
    }
  }
  const table = new Map(entries)
  return async (username: string, password: string): Promise<BasicUser | undefined> => {
    const hash = table.get(username)
    // An unknown user costs the same as a wrong password: the status and time tell nothing.
    if (hash === undefined) return dummyVerify({ iterations }).then(() => undefined)
    return (await verifyPassword(password, hash)) ? { username } : undefined
  }
}

/**
 * HTTP Basic authentication.
 *
 * @example
 * const admin = httpBasic({ realm: 'admin', users: { root: await hashPassword(env.ROOT_PASSWORD) } })
 * const stats = get('/stats', { deps: { who: admin } }, ({ deps }) => deps.who.username)
 */
export function httpBasic(options: HttpBasicUsersOptions): SecurityDependency<BasicUser>
export function httpBasic<TPrincipal>(
  options: HttpBasicVerifyOptions<TPrincipal>,
): SecurityDependency<TPrincipal>
export function httpBasic(
  options: HttpBasicUsersOptions | HttpBasicVerifyOptions<unknown>,
): SecurityDependency<any> {
  const where = 'httpBasic'
  let verify: (username: string, password: string) => unknown
  if (options.users !== undefined) {
    if (options.verify !== undefined)
      throw new TypeError(`${where}: give 'users' or 'verify', not both`)
    verify = usersVerifier(options.users, where)
  } else if (typeof options.verify === 'function') {
    verify = options.verify
  } else {
    throw new TypeError(
      `${where}: give 'users' (name → hashPassword hash) or 'verify' (or use httpBasicCredentials)`,
    )
  }
  return basicDependency(options, where, verify)
}

/** The credentials as sent, unverified: FastAPI's `HTTPBasic()` giving `HTTPBasicCredentials`. */
export interface BasicCredentials {
  readonly username: string
  readonly password: string
}

/**
 * HTTP Basic credentials for your own check (FastAPI's `HTTPBasic()`): missing or undecodable
 * credentials are a 401 with the challenge; compare them with `safeEqual`.
 *
 * @example
 * const basic = httpBasicCredentials()
 * const admin = dependency({ uses: { basic } }, async ({ basic }) => { … })
 */
export function httpBasicCredentials(
  options: CommonOptions = {},
): SecurityDependency<BasicCredentials> {
  return basicDependency(options, 'httpBasicCredentials', (username, password) => ({
    username,
    password,
  })) as SecurityDependency<BasicCredentials>
}

function basicDependency(
  options: CommonOptions,
  where: string,
  verify: (username: string, password: string) => unknown,
): SecurityDependency<any> {
  if (options.realm !== undefined) {
    if (typeof options.realm !== 'string' || options.realm === '') {
      throw new TypeError(`${where}: 'realm' must be a non-empty string when given`)
    }
    assertQuotable(options.realm, `${where}: 'realm'`)
  }
  const name = options.name ?? 'HTTPBasic'
  const challenge = options.realm === undefined ? 'Basic' : basicChallenge(options.realm)
  const guard: Guard<unknown> = {
    name,
    security: {
      credentials: AUTHORIZATION,
      schemes: {
        [name]: {
          type: 'http',
          scheme: 'basic',
          ...(options.description === undefined ? {} : { description: options.description }),
        },
      },
      requirements: [{ [name]: [] }],
    },
    challenge,
    async authenticate(read) {
      const credentials = readCredentials(read('headers', 'authorization'), 'Basic')
      if (credentials.kind === 'absent') return fail('absent', challenge)
      if (credentials.kind === 'malformed') return fail('invalid', challenge)
      const decoded = decode(credentials.value)
      if (decoded === undefined) return fail('invalid', challenge)
      const principal = await verify(decoded.username, decoded.password)
      return principal === undefined || principal === null
        ? fail('invalid', challenge)
        : { ok: true, principal }
    },
  }
  return securityDependency(guard)
}

/**
 * Password hashing with PBKDF2-SHA256 from Web Crypto (every runtime has it), stored as
 * `pbkdf2-sha256$<iterations>$<salt>$<hash>` (base64url), compared in constant time.
 */
import { base64url } from 'jose'
import { timingSafeEqual } from './internal/constant-time.ts'

/** OWASP's 2023 recommendation for PBKDF2-HMAC-SHA256. */
export const DEFAULT_ITERATIONS = 600_000
const MIN_ITERATIONS = 1_000
/** Refused above this: a stored hash must not be able to pin a CPU for minutes. */
const MAX_ITERATIONS = 10_000_000
const PREFIX = 'pbkdf2-sha256'
const SALT_BYTES = 16
const HASH_BYTES = 32
const encoder = new TextEncoder()

export interface HashOptions {
  /** PBKDF2 iterations (default 600 000; at least 1 000). */
  readonly iterations?: number
}

function assertIterations(iterations: number): void {
  if (!Number.isInteger(iterations) || iterations < MIN_ITERATIONS || iterations > MAX_ITERATIONS) {
    throw new TypeError(
      `password hash: iterations must be an integer between ${MIN_ITERATIONS} and ${MAX_ITERATIONS}`,
    )
  }
}

async function derive(password: string, salt: Uint8Array, iterations: number): Promise<Uint8Array> {
  const key = await crypto.subtle.importKey('raw', encoder.encode(password), 'PBKDF2', false, [
    'deriveBits',
  ])
  const bits = await crypto.subtle.deriveBits(
    { name: 'PBKDF2', hash: 'SHA-256', salt: salt as Uint8Array<ArrayBuffer>, iterations },
    key,
    HASH_BYTES * 8,
  )
  return new Uint8Array(bits)
}

interface ParsedHash {
  readonly iterations: number
  readonly salt: Uint8Array
  readonly hash: Uint8Array
}

/** Parses a stored hash; throws a `TypeError` for anything that is not one. */
export function parsePasswordHash(stored: string): ParsedHash {
  const parts = typeof stored === 'string' ? stored.split('$') : []
  const [prefix, count, salt, hash] = parts
  if (parts.length !== 4 || prefix !== PREFIX || !/^\d{1,8}$/.test(count ?? '')) {
    throw new TypeError(`password hash: expected '${PREFIX}$<iterations>$<salt>$<hash>'`)
  }
  const iterations = Number(count)
  assertIterations(iterations)
  let decoded: [Uint8Array, Uint8Array]
  try {
    decoded = [base64url.decode(salt!), base64url.decode(hash!)]
  } catch {
    throw new TypeError('password hash: salt and hash must be base64url')
  }
  if (decoded[0].length < 8 || decoded[1].length !== HASH_BYTES) {
    throw new TypeError('password hash: salt or hash has the wrong length')
  }
  return { iterations, salt: decoded[0], hash: decoded[1] }
}

/**
 * Hashes a password with a random salt.
 *
 * @example
 * const stored = await hashPassword('correct horse battery staple')
 * await verifyPassword('correct horse battery staple', stored) // true
 */
export async function hashPassword(password: string, options: HashOptions = {}): Promise<string> {
  const iterations = options.iterations ?? DEFAULT_ITERATIONS
  assertIterations(iterations)
  const salt = crypto.getRandomValues(new Uint8Array(SALT_BYTES))
  const hash = await derive(password, salt, iterations)
  return `${PREFIX}$${iterations}$${base64url.encode(salt)}$${base64url.encode(hash)}`
}

/**
 * Whether `password` matches a hash made by `hashPassword`, compared in constant time. A
 * malformed hash throws a `TypeError` (it is a data error, not a wrong password).
 */
export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const { iterations, salt, hash } = parsePasswordHash(stored)
  return timingSafeEqual(await derive(password, salt, iterations), hash)
}

const DUMMY_SALT = new Uint8Array(SALT_BYTES)

/**
 * Does the work of a verification and returns `false`: call it for an unknown user so the
 * response takes as long as for a known one with a wrong password.
 *
 * @example
 * const user = users.get(username)
 * const ok = user ? await verifyPassword(password, user.hash) : await dummyVerify()
 */
export async function dummyVerify(options: HashOptions = {}): Promise<false> {
  const iterations = options.iterations ?? DEFAULT_ITERATIONS
  assertIterations(iterations)
  await derive('dummy-password', DUMMY_SALT, iterations)
  return false
}

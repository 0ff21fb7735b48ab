/**
 * Verifies compact JWTs signed with the app's own HMAC secret (HS256/384/512) without jose's
 * `jwtVerify`, which checks signatures with WebCrypto only and so always asynchronously: on Node
 * that is a thread-pool hop per request. Through `#hmac`, Node, Bun and Deno check the signature
 * synchronously with `node:crypto`; other runtimes keep WebCrypto. It accepts and refuses what
 * `verifyJwt` does under the same rules (tested token by token), and is stricter in one way: each
 * segment must be unpadded base64url, as RFC 7515 writes it.
 */

import type { JWTPayload } from 'jose'
import { type HmacHash, hmacVerifier } from '#hmac'
import { checkClaims } from './check-claims.ts'
import type { ClaimRules, VerifyResult } from './verify-jwt.ts'

/** The HMAC algorithms and their hashes. */
const HMAC_HASHES: Readonly<Record<string, HmacHash>> = {
  HS256: 'SHA-256',
  HS384: 'SHA-384',
  HS512: 'SHA-512',
}

const COMPACT = /^[\w-]+\.[\w-]+\.[\w-]+$/
const INVALID: VerifyResult = { ok: false, reason: 'invalid' }
const strictDecoder = new TextDecoder('utf-8', { fatal: true })

/** `atob` gives one character per byte: one above 0x7f starts a multi-byte UTF-8 sequence. */
const NON_ASCII = /[\u0080-\u00ff]/

/** A segment's JSON object, or `undefined` for anything else (bad base64url, UTF-8 or JSON). */
function decodeObject(segment: string): Record<string, unknown> | undefined {
  let value: unknown
  try {
    const binary = atob(segment.replaceAll('-', '+').replaceAll('_', '/'))
    // Claims are nearly always ASCII: parse those bytes as they are, twice as fast as decoding.
    value = JSON.parse(
      NON_ASCII.test(binary)
        ? strictDecoder.decode(Uint8Array.from(binary, (char) => char.charCodeAt(0)))
        : binary,
    )
  } catch {
    return undefined
  }
  return typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : undefined
}

/**
 * jose understands one critical extension, `b64`, and refuses unencoded payloads in JWTs: so a
 * `crit` passes only when it lists nothing but `b64` and the payload is encoded.
 */
function critUnderstood(header: Readonly<Record<string, unknown>>): boolean {
  const { crit } = header
  if (crit === undefined) return true
  return (
    Array.isArray(crit) &&
    crit.length > 0 &&
    crit.every((name) => name === 'b64') &&
    header.b64 === true
  )
}

/**
 * A verifier of tokens signed with `secret` under `rules.algorithms[0]` (HS256, HS384 or HS512).
 * The header's `alg` must be that exact name; `jku`, `x5u`, `jwk` and `kid` are ignored: the key
 * is the configured secret, never the token's choice.
 */
export function hmacJwtVerifier(
  secret: Uint8Array,
  rules: ClaimRules,
): (token: string) => Promise<VerifyResult> {
  const [algorithm] = rules.algorithms
  const hash = algorithm === undefined ? undefined : HMAC_HASHES[algorithm]
  if (rules.algorithms.length !== 1 || hash === undefined) {
    throw new TypeError(`hmacJwtVerifier: one of ${Object.keys(HMAC_HASHES).join(', ')} expected`)
  }
  const check = hmacVerifier(hash, secret)
  // A server's tokens share one header: the last accepted one is not decoded again.
  let known: { readonly segment: string; readonly header: Record<string, unknown> } | undefined
  return async (token) => {
    if (typeof token !== 'string' || !COMPACT.test(token)) return INVALID
    const first = token.indexOf('.')
    const last = token.lastIndexOf('.')
    const segment = token.slice(0, first)
    let header = known?.segment === segment ? known.header : undefined
    if (header === undefined) {
      header = decodeObject(segment)
      if (header === undefined || header.alg !== algorithm || !critUnderstood(header)) {
        return INVALID
      }
      known = { segment, header }
    }
    // The Node variant answers at once; awaiting only a promise keeps that path synchronous.
    const verdict = check(token.slice(0, last), token.slice(last + 1))
    if (!(typeof verdict === 'boolean' ? verdict : await verdict)) return INVALID
    const claims = decodeObject(token.slice(first + 1, last)) as JWTPayload | undefined
    if (claims === undefined || !checkClaims(header, claims, rules)) return INVALID
    return { ok: true, claims }
  }
}

/**
 * The checks jose's `jwtVerify` applies to a verified token's `typ` header and claims, under the
 * options `verifyJwt` gives it, followed by `checkTimes`: the same verdicts without jose, for the
 * synchronous HMAC path (`verify-hmac-jwt.ts`).
 */
import type { JWTPayload } from 'jose'
import { type ClaimRules, checkTimes } from './verify-jwt.ts'

/** jose compares `typ` case-insensitively, with or without the `application/` prefix. */
function normalizeTyp(value: string): string {
  const lower = value.toLowerCase()
  return value.includes('/') ? lower : `application/${lower}`
}

function listOf(value: string | readonly string[]): readonly unknown[] {
  return typeof value === 'string' ? [value] : value
}

function audienceMatches(aud: unknown, accepted: readonly unknown[]): boolean {
  if (typeof aud === 'string') return accepted.includes(aud)
  return Array.isArray(aud) && accepted.some((audience) => aud.includes(audience))
}

/** True when the protected header's `typ` and the claims pass every rule. */
export function checkClaims(
  header: Readonly<Record<string, unknown>>,
  claims: JWTPayload,
  rules: ClaimRules,
): boolean {
  const { typ, issuer, audience, clockTolerance } = rules
  if (typ !== undefined) {
    if (typeof header.typ !== 'string' || normalizeTyp(header.typ) !== normalizeTyp(typ)) {
      return false
    }
  }
  const expiryOptional = rules.requireExpiry === false && claims.exp === undefined
  if ((!expiryOptional && !Object.hasOwn(claims, 'exp')) || !Object.hasOwn(claims, 'sub')) {
    return false
  }
  if (issuer !== undefined) {
    if (!Object.hasOwn(claims, 'iss') || !listOf(issuer).includes(claims.iss)) return false
  }
  if (audience !== undefined) {
    if (!Object.hasOwn(claims, 'aud') || !audienceMatches(claims.aud, listOf(audience))) {
      return false
    }
  }
  const now = Math.floor(Date.now() / 1000)
  const { nbf, exp } = claims
  if (nbf !== undefined && (typeof nbf !== 'number' || nbf > now + clockTolerance)) return false
  if (!expiryOptional && (typeof exp !== 'number' || exp <= now - clockTolerance)) return false
  return checkTimes(claims, rules, now)
}

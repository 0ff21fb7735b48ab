import {
  errors,
  type JWTPayload,
  type JWTVerifyGetKey,
  type JWTVerifyOptions,
  jwtVerify,
} from 'jose'

/** What verifying a token gave: its claims, or why not (see `FailureReason`). */
export type VerifyResult =
  | { readonly ok: true; readonly claims: JWTPayload }
  | { readonly ok: false; readonly reason: 'invalid' | 'unavailable' }

export interface ClaimRules {
  readonly algorithms: readonly string[]
  readonly issuer: string | readonly string[] | undefined
  readonly audience: string | readonly string[] | undefined
  readonly typ: string | undefined
  /** Seconds of leeway for `exp`, `nbf` and `iat`. */
  readonly clockTolerance: number
  /** Longest lifetime accepted: an `exp` further ahead than this (plus leeway) is refused. */
  readonly maxLifetime: number
  /** `exp` required (the default); `false` only by `jwtTokens`' explicitly unsafe option. */
  readonly requireExpiry?: boolean
}

/** The key source could not be reached or gave nonsense: not the token's fault. */
const UNAVAILABLE = new Set(['ERR_JWKS_TIMEOUT', 'ERR_JWKS_INVALID', 'ERR_JOSE_GENERIC'])

const INVALID: VerifyResult = { ok: false, reason: 'invalid' }

/**
 * Verifies a compact JWS with jose under a pinned algorithm allow-list, then applies what jose
 * leaves open: `exp` and `sub` required, `exp` not absurdly far ahead, `iat` not in the future.
 */
export async function verifyJwt(
  token: string,
  key: CryptoKey | Uint8Array | JWTVerifyGetKey,
  rules: ClaimRules,
  remote: boolean,
): Promise<VerifyResult> {
  const options: JWTVerifyOptions = {
    algorithms: [...rules.algorithms],
    clockTolerance: rules.clockTolerance,
    requiredClaims: rules.requireExpiry === false ? ['sub'] : ['exp', 'sub'],
  }
  if (rules.issuer !== undefined) options.issuer = rules.issuer as string | string[]
  if (rules.audience !== undefined) options.audience = rules.audience as string | string[]
  if (rules.typ !== undefined) options.typ = rules.typ
  let claims: JWTPayload
  try {
    const result =
      typeof key === 'function'
        ? await jwtVerify(token, key, options)
        : await jwtVerify(token, key, options)
    claims = result.payload
  } catch (error) {
    if (error instanceof errors.JOSEError) {
      return UNAVAILABLE.has(error.code) ? { ok: false, reason: 'unavailable' } : INVALID
    }
    // A failed fetch of the key set (network, our discovery checks) is not the token's fault.
    if (remote) return { ok: false, reason: 'unavailable' }
    return INVALID
  }
  return checkTimes(claims, rules) ? { ok: true, claims } : INVALID
}

/** What jose leaves open: `sub` a non-empty string, `exp` not absurdly far ahead, `iat` not ahead. */
export function checkTimes(
  claims: JWTPayload,
  rules: ClaimRules,
  now: number = Math.floor(Date.now() / 1000),
): boolean {
  const { exp, iat, sub } = claims
  if (typeof sub !== 'string' || sub === '') return false
  if (exp !== undefined || rules.requireExpiry !== false) {
    if (typeof exp !== 'number' || !Number.isFinite(exp)) return false
    if (exp > now + rules.maxLifetime + rules.clockTolerance) return false
  }
  if (iat !== undefined && (typeof iat !== 'number' || iat > now + rules.clockTolerance)) {
    return false
  }
  return true
}

/**
 * `jwtTokens` signs and verifies the app's own access tokens: HS256 with a secret of at least 32
 * bytes, or an asymmetric key pair (RS256, PS256, ES256, EdDSA). One algorithm, pinned. jose signs
 * and verifies, except HS256 verification, done synchronously where `node:crypto` exists.
 */
import { importJWK, importPKCS8, importSPKI, type JWK, type JWTPayload, SignJWT } from 'jose'
import { hmacJwtVerifier } from './internal/verify-hmac-jwt.ts'
import { type ClaimRules, type VerifyResult, verifyJwt } from './internal/verify-jwt.ts'

/** Asymmetric algorithms `jwtTokens` can sign with. */
export type SigningAlgorithm = 'RS256' | 'PS256' | 'ES256' | 'EdDSA'

/** A key as a `CryptoKey`, a JWK, or PEM text (PKCS#8 private, SPKI public). */
export type KeyInput = CryptoKey | JWK | string

interface CommonOptions {
  /**
   * The `iss` claim issued and required. `false`: none issued or required — only to accept tokens
   * an existing deployment issued without one.
   */
  readonly issuer: string | false
  /** The `aud` claim issued and required; `false` as for `issuer`. */
  readonly audience: string | false
  /** Lifetime of issued tokens in seconds (default 900); longer-lived tokens are refused. */
  readonly expiresIn?: number
  /**
   * Longest lifetime accepted, in seconds, when tokens issued elsewhere live longer than the ones
   * this app issues (default `expiresIn`; at most a year).
   */
  readonly maxLifetime?: number
  /** Leeway in seconds for `exp`, `nbf` and `iat` (default 5, at most 300). */
  readonly clockTolerance?: number
  /** The `typ` header issued and required (default `at+jwt`, RFC 9068); `false`: none. */
  readonly typ?: string | false
  /**
   * Accepts tokens without `exp`, which never expire: a stolen one works forever. Only to move an
   * existing deployment over; issued tokens still carry `exp`.
   */
  readonly unsafeAcceptTokensWithoutExpiry?: boolean
}

export type JwtTokensOptions = CommonOptions &
  (
    | {
        /** HS256 secret, at least 32 bytes (e.g. 32 random bytes, base64-encoded in the env). */
        readonly secret: string | Uint8Array
        readonly keys?: never
      }
    | {
        readonly secret?: never
        readonly keys: {
          readonly algorithm: SigningAlgorithm
          /** Omit for verification only. */
          readonly privateKey?: KeyInput
          readonly publicKey: KeyInput
        }
      }
  )

/** What to put in a token. */
export interface TokenGrant {
  readonly subject: string
  readonly scopes?: readonly string[]
  /** Extra claims; the registered ones (`sub`, `scope`, `iat`, `exp`, `iss`, `aud`, `jti`) win. */
  readonly claims?: Readonly<Record<string, unknown>>
}

export interface IssuedToken {
  readonly token: string
  /** Seconds until `exp`. */
  readonly expiresIn: number
  /** The granted scopes, space-separated. */
  readonly scope: string
}

/** Signs and verifies the app's access tokens. */
export interface JwtTokens {
  readonly algorithm: string
  readonly issuer: string | false
  readonly audience: string | false
  readonly expiresIn: number
  readonly clockTolerance: number
  readonly typ: string | false
  /** Signs a token: `sub`, `scope`, `iat`, `exp`, `iss`, `aud`, `jti` (a random UUID). */
  issue(grant: TokenGrant): Promise<IssuedToken>
  /** The verified claims, or `undefined` for any invalid, expired or foreign token. */
  verify(token: string): Promise<JWTPayload | undefined>
}

const encoder = new TextEncoder()
const MIN_SECRET_BYTES = 32

function assertPositiveInteger(value: number, name: string, max: number): void {
  if (!Number.isInteger(value) || value < 0 || value > max) {
    throw new TypeError(`jwtTokens: '${name}' must be an integer between 0 and ${max}`)
  }
}

function assertCryptoKey(key: KeyInput, type: KeyType, name: string): void {
  if (typeof CryptoKey !== 'undefined' && key instanceof CryptoKey && key.type !== type) {
    throw new TypeError(`jwtTokens: '${name}' must be a ${type} key, got a ${key.type} one`)
  }
}

async function importKey(
  key: KeyInput,
  algorithm: string,
  kind: 'private' | 'public',
): Promise<CryptoKey> {
  if (typeof key === 'string') {
    return kind === 'private' ? importPKCS8(key, algorithm) : importSPKI(key, algorithm)
  }
  if (typeof CryptoKey !== 'undefined' && key instanceof CryptoKey) return key
  const imported = await importJWK({ ...(key as JWK), alg: algorithm }, algorithm)
  if (imported instanceof Uint8Array)
    throw new TypeError(`jwtTokens: the ${kind} JWK is not ${kind}`)
  return imported
}

/** Runs `make` once, on first use: no crypto at module scope (Workers forbid some of it there). */
function once<TValue>(make: () => Promise<TValue>): () => Promise<TValue> {
  let value: Promise<TValue> | undefined
  return () => {
    value ??= make()
    return value
  }
}

/**
 * Creates the signer/verifier of the app's access tokens. Misconfiguration (a short secret, a
 * wrong key type, a missing issuer) throws here.
 *
 * @example
 * const tokens = jwtTokens({
 *   secret: 'a-secret-of-at-least-32-bytes-from-env!!',
 *   issuer: 'https://api.example',
 *   audience: 'https://api.example',
 * })
 * const { token } = await tokens.issue({ subject: 'alice', scopes: ['items:read'] })
 */
export function jwtTokens(options: JwtTokensOptions): JwtTokens {
  const { issuer, audience, expiresIn = 900, clockTolerance = 5, typ = 'at+jwt' } = options
  if (issuer !== false && (typeof issuer !== 'string' || issuer === '')) {
    throw new TypeError("jwtTokens: 'issuer' is required (false, explicitly, for none)")
  }
  if (audience !== false && (typeof audience !== 'string' || audience === '')) {
    throw new TypeError("jwtTokens: 'audience' is required (false, explicitly, for none)")
  }
  if (typ !== false && (typeof typ !== 'string' || typ === '')) {
    throw new TypeError("jwtTokens: 'typ' must be a non-empty string, or false for none")
  }
  assertPositiveInteger(expiresIn, 'expiresIn', 31_536_000)
  if (expiresIn === 0) throw new TypeError("jwtTokens: 'expiresIn' must be positive")
  const maxLifetime = options.maxLifetime ?? expiresIn
  assertPositiveInteger(maxLifetime, 'maxLifetime', 31_536_000)
  if (maxLifetime < expiresIn) {
    throw new TypeError("jwtTokens: 'maxLifetime' must be at least 'expiresIn'")
  }
  assertPositiveInteger(clockTolerance, 'clockTolerance', 300)

  let algorithm: string
  let signingKey: () => Promise<CryptoKey | Uint8Array>
  // HMAC tokens skip jose's verifier, which is WebCrypto-only: see `verify-hmac-jwt.ts`.
  let verifier: (rules: ClaimRules) => (token: string) => Promise<VerifyResult>
  if (options.secret !== undefined) {
    if (options.keys !== undefined)
      throw new TypeError("jwtTokens: give 'secret' or 'keys', not both")
    const secret =
      typeof options.secret === 'string' ? encoder.encode(options.secret) : options.secret
    if (!(secret instanceof Uint8Array) || secret.byteLength < MIN_SECRET_BYTES) {
      throw new TypeError(
        `jwtTokens: the HS256 secret must be at least ${MIN_SECRET_BYTES} bytes (e.g. 32 random bytes, base64-encoded)`,
      )
    }
    algorithm = 'HS256'
    // Imported once, on first use (not at creation: Workers allow no crypto at global scope).
    // Handing jose the raw bytes would make it import the key again on every token issued.
    const bytes = secret.slice()
    signingKey = once(() =>
      crypto.subtle.importKey('raw', bytes, { name: 'HMAC', hash: 'SHA-256' }, false, ['sign']),
    )
    verifier = (rules) => hmacJwtVerifier(bytes, rules)
  } else if (options.keys !== undefined) {
    const { privateKey, publicKey } = options.keys
    algorithm = options.keys.algorithm
    if (!['RS256', 'PS256', 'ES256', 'EdDSA'].includes(algorithm)) {
      throw new TypeError(
        `jwtTokens: algorithm '${algorithm}' is not one of RS256, PS256, ES256, EdDSA`,
      )
    }
    if (publicKey === undefined) throw new TypeError("jwtTokens: 'keys.publicKey' is required")
    assertCryptoKey(publicKey, 'public', 'keys.publicKey')
    if (privateKey !== undefined) assertCryptoKey(privateKey, 'private', 'keys.privateKey')
    signingKey = once(() => {
      if (privateKey === undefined) {
        return Promise.reject(new TypeError('jwtTokens: no privateKey, these tokens verify only'))
      }
      return importKey(privateKey, algorithm, 'private')
    })
    const verifyingKey = once(() => importKey(publicKey, algorithm, 'public'))
    verifier = (rules) => async (token) => verifyJwt(token, await verifyingKey(), rules, false)
  } else {
    throw new TypeError("jwtTokens: give 'secret' (HS256) or 'keys' (RS256, PS256, ES256, EdDSA)")
  }

  const rules: ClaimRules = {
    algorithms: [algorithm],
    issuer: issuer === false ? undefined : issuer,
    audience: audience === false ? undefined : audience,
    typ: typ === false ? undefined : typ,
    clockTolerance,
    maxLifetime,
    requireExpiry: options.unsafeAcceptTokensWithoutExpiry !== true,
  }
  const verifyToken = verifier(rules)

  return {
    algorithm,
    issuer,
    audience,
    expiresIn,
    clockTolerance,
    typ,
    async issue(grant) {
      if (typeof grant.subject !== 'string' || grant.subject === '') {
        throw new TypeError('jwtTokens.issue: subject must be a non-empty string')
      }
      const scope = (grant.scopes ?? []).join(' ')
      const now = Math.floor(Date.now() / 1000)
      const jwt = new SignJWT({ ...grant.claims, scope })
        .setProtectedHeader(typ === false ? { alg: algorithm } : { alg: algorithm, typ })
        .setSubject(grant.subject)
      if (issuer !== false) jwt.setIssuer(issuer)
      if (audience !== false) jwt.setAudience(audience)
      const token = await jwt
        .setIssuedAt(now)
        .setExpirationTime(now + expiresIn)
        .setJti(crypto.randomUUID())
        .sign(await signingKey())
      return { token, expiresIn, scope }
    },
    async verify(token) {
      const result = await verifyToken(token)
      return result.ok ? result.claims : undefined
    },
  }
}

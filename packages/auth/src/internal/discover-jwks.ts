import { createRemoteJWKSet, type JWTVerifyGetKey } from 'jose'

export interface RemoteKeyOptions {
  /** Least time between two JWKS fetches, in ms (default 30 000): bounds unknown-`kid` fetches. */
  readonly cooldown?: number
  /** Fetch timeout in ms (default 5 000). */
  readonly timeout?: number
  /** How long a fetched key set is used before it is fetched again, in ms (default 600 000). */
  readonly cacheMaxAge?: number
}

/** A remote key set from a configured URL; jose fetches lazily, with cooldown and cache. */
export function remoteKeys(url: URL, options: RemoteKeyOptions): JWTVerifyGetKey {
  return createRemoteJWKSet(url, {
    cooldownDuration: options.cooldown ?? 30_000,
    timeoutDuration: options.timeout ?? 5_000,
    cacheMaxAge: options.cacheMaxAge ?? 600_000,
  })
}

/** Only `https:` outside loopback; plain http is for local tests and development. */
export function assertSecureUrl(url: URL, what: string): void {
  const loopback = ['127.0.0.1', 'localhost', '[::1]'].includes(url.hostname)
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && loopback)) {
    throw new TypeError(`${what} must be an https URL, got '${url.href}'`)
  }
}

/**
 * The key set named by an OpenID Connect issuer's discovery document, found once on first use.
 * The document must name the configured issuer exactly (OIDC Discovery §4.3). A failed discovery
 * is retried at most once per cooldown.
 */
export function discoveredKeys(issuer: string, options: RemoteKeyOptions): JWTVerifyGetKey {
  const documentUrl = new URL(`${issuer.replace(/\/$/, '')}/.well-known/openid-configuration`)
  const cooldown = options.cooldown ?? 30_000
  let keys: Promise<JWTVerifyGetKey> | undefined
  let failedAt = Number.NEGATIVE_INFINITY

  async function discover(): Promise<JWTVerifyGetKey> {
    const response = await fetch(documentUrl, {
      redirect: 'manual',
      headers: { accept: 'application/json' },
      signal: AbortSignal.timeout(options.timeout ?? 5_000),
    })
    if (response.status !== 200) throw new Error(`OIDC discovery answered ${response.status}`)
    const document = (await response.json()) as { issuer?: unknown; jwks_uri?: unknown }
    if (document.issuer !== issuer) throw new Error('OIDC discovery names another issuer')
    if (typeof document.jwks_uri !== 'string') throw new Error('OIDC discovery has no jwks_uri')
    const jwksUrl = new URL(document.jwks_uri)
    assertSecureUrl(jwksUrl, 'jwks_uri')
    return remoteKeys(jwksUrl, options)
  }

  return async (header, token) => {
    if (keys === undefined) {
      if (Date.now() - failedAt < cooldown) throw new Error('OIDC discovery failed recently')
      keys = discover().catch((error: unknown) => {
        keys = undefined
        failedAt = Date.now()
        throw error
      })
    }
    return (await keys)(header, token)
  }
}

/**
 * `bearerJwt` verifies bearer JWTs from the app's own `jwtTokens`, a fixed JWKS URL, or an
 * OpenID Connect issuer's discovery document. The key source is configuration, never the token:
 * `jku`, `x5u`, `jwk` and `kid`-as-URL are ignored, and JWKS keys must be asymmetric.
 */

import { type Dependency, isDependency, type SecuritySchemeObject } from '@brisk/router'
import { type AsymmetricAlgorithm, assertAsymmetric } from './internal/algorithms.ts'
import { type BearerScheme, bearerScheme } from './internal/bearer-scheme.ts'
import { assertQuotable } from './internal/challenge.ts'
import {
  assertSecureUrl,
  discoveredKeys,
  type RemoteKeyOptions,
  remoteKeys,
} from './internal/discover-jwks.ts'
import { assertScopeNames } from './internal/scopes.ts'
import { type ClaimRules, verifyJwt } from './internal/verify-jwt.ts'
import type { JwtTokens } from './jwt-tokens.ts'

export type { RemoteKeyOptions } from './internal/discover-jwks.ts'

interface RemoteOptions {
  /** Accepted algorithms (required; asymmetric only). */
  readonly algorithms: readonly AsymmetricAlgorithm[]
  /** The `aud` the token must carry (required: an IdP signs tokens for many audiences). */
  readonly audience: string | readonly string[]
  /** The `typ` header required, e.g. `at+jwt` (default: not checked). */
  readonly typ?: string
  /** Leeway in seconds for `exp`, `nbf`, `iat` (default 5). */
  readonly clockTolerance?: number
  /** Longest token lifetime accepted, in seconds (default 86 400). */
  readonly maxLifetime?: number
  /** The claim holding the space-separated scopes (default `scope`). */
  readonly scopeClaim?: string
}

export type BearerJwtOptions<TScopes extends Readonly<Record<string, string>>> = {
  /** Name of the scheme in the OpenAPI document (default `HTTPBearer`, or `OpenIdConnect`). */
  readonly name?: string
  /** Known scopes and their descriptions; `requireScopes` accepts only these when given. */
  readonly scopes?: TScopes
  readonly description?: string
} & (
  | {
      /** The app's own `jwtTokens(…)`, or an app-scoped dependency making it. */
      readonly tokens: JwtTokens | Dependency<JwtTokens>
    }
  | (RemoteOptions & {
      /** A fixed JWKS URL (https, or http on loopback for development). */
      readonly jwks: RemoteKeyOptions & { readonly url: string }
      /** The `iss` the token must carry (required). */
      readonly issuer: string | readonly string[]
    })
  | (RemoteOptions & {
      /** An OpenID Connect issuer: its discovery document names the JWKS; `iss` must match. */
      readonly oidc: RemoteKeyOptions & { readonly issuer: string }
    })
)

/**
 * A verification-only bearer scheme (tokens from the app's `jwtTokens` or an external IdP).
 *
 * @example
 * const idp = bearerJwt({
 *   oidc: { issuer: 'https://login.example.com' },
 *   audience: 'https://api.example.com',
 *   algorithms: ['RS256'],
 * })
 * const me = get('/me', { security: [idp.user] }, ({ c }) => 'hello')
 */
export function bearerJwt<
  const TScopes extends Readonly<Record<string, string>> = Record<never, string>,
>(
  options: BearerJwtOptions<TScopes>,
): BearerScheme<[keyof TScopes] extends [never] ? string : keyof TScopes & string> {
  const where = 'bearerJwt'
  const declared = options.scopes === undefined ? undefined : Object.keys(options.scopes)
  if (declared) assertScopeNames(declared, where)
  if (options.name !== undefined) assertQuotable(options.name, `${where}: 'name'`)
  const description = options.description === undefined ? {} : { description: options.description }

  if ('tokens' in options) {
    const { tokens } = options
    const configured = isDependency(tokens) ? tokens : undefined
    return bearerScheme({
      name: options.name ?? 'HTTPBearer',
      scheme: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT', ...description },
      where,
      scopes: declared,
      scopeClaim: 'scope',
      config: configured,
      verify: async (token, config) => {
        const claims = await ((configured ? config : tokens) as JwtTokens).verify(token)
        return claims === undefined ? { ok: false, reason: 'invalid' } : { ok: true, claims }
      },
    })
  }

  assertAsymmetric(options.algorithms, where)
  if (options.audience === undefined || options.audience.length === 0) {
    throw new TypeError(`${where}: 'audience' is required for tokens from a JWKS or OIDC issuer`)
  }
  const clockTolerance = options.clockTolerance ?? 5
  if (!Number.isInteger(clockTolerance) || clockTolerance < 0 || clockTolerance > 300) {
    throw new TypeError(`${where}: 'clockTolerance' must be an integer between 0 and 300`)
  }
  let keys: ReturnType<typeof remoteKeys>
  let issuer: string | readonly string[]
  let scheme: SecuritySchemeObject
  let name: string
  if ('jwks' in options) {
    if (options.issuer === undefined || options.issuer.length === 0) {
      throw new TypeError(`${where}: 'issuer' is required with 'jwks'`)
    }
    const url = new URL(options.jwks.url)
    assertSecureUrl(url, `${where}: 'jwks.url'`)
    keys = remoteKeys(url, options.jwks)
    issuer = options.issuer
    scheme = { type: 'http', scheme: 'bearer', bearerFormat: 'JWT', ...description }
    name = options.name ?? 'HTTPBearer'
  } else if ('oidc' in options) {
    issuer = options.oidc.issuer
    const url = new URL(issuer)
    assertSecureUrl(url, `${where}: 'oidc.issuer'`)
    keys = discoveredKeys(issuer, options.oidc)
    scheme = {
      type: 'openIdConnect',
      openIdConnectUrl: `${issuer.replace(/\/$/, '')}/.well-known/openid-configuration`,
      ...description,
    }
    name = options.name ?? 'OpenIdConnect'
  } else {
    throw new TypeError(`${where}: give 'tokens', 'jwks' or 'oidc'`)
  }
  const rules: ClaimRules = {
    algorithms: options.algorithms,
    issuer,
    audience: options.audience,
    typ: options.typ,
    clockTolerance,
    maxLifetime: options.maxLifetime ?? 86_400,
  }
  return bearerScheme({
    name,
    scheme,
    where,
    scopes: declared,
    scopeClaim: options.scopeClaim ?? 'scope',
    verify: (token) => verifyJwt(token, keys, rules, true),
  })
}

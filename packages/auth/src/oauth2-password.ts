/**
 * `oauth2Password` is the OAuth2 password flow with scopes: a token endpoint that issues JWTs, a
 * dependency for any valid token, scope checks, and the `oauth2` scheme Scalar's docs log in with.
 */

import {
  type Dependency,
  isDependency,
  post,
  type Resolved,
  type Route,
  type SecuritySchemeObject,
  type Uses,
} from '@brisk/router'
import type { Context } from 'hono'
import * as v from 'valibot'
import { type BearerScheme, bearerScheme } from './internal/bearer-scheme.ts'
import { assertQuotable } from './internal/challenge.ts'
import { assertScopeNames } from './internal/scopes.ts'
import { type Authenticate, handleTokenRequest } from './internal/token-endpoint.ts'
import type { JwtTokens } from './jwt-tokens.ts'
import { type LoginThrottleOptions, loginThrottle } from './login-throttle.ts'

export type {
  Authenticate,
  PasswordCredentials,
  PasswordGrant,
} from './internal/token-endpoint.ts'

export interface OAuth2PasswordOptions<
  TScopes extends Readonly<Record<string, string>>,
  TTokenUrl extends string = string,
> {
  /** Where clients get tokens; a path served by `tokenRoute()` (or an absolute URL elsewhere). */
  readonly tokenUrl: TTokenUrl
  /** Every scope, with the description shown on the docs' login form. */
  readonly scopes: TScopes
  /**
   * Signs the tokens the endpoint issues and verifies those the routes receive: `jwtTokens(…)`,
   * or an app-scoped dependency making it (its secret from settings or a Worker's secrets).
   */
  readonly tokens: JwtTokens | Dependency<JwtTokens>
  /** Name of the scheme in the OpenAPI document (default `OAuth2`). */
  readonly name?: string
  readonly description?: string
}

export interface TokenRouteOptions<
  TUses extends Uses = Record<never, never>,
  TPath extends string = string,
> {
  /** Dependencies the user check needs (a database…), resolved per request. */
  readonly deps?: TUses
  /**
   * The app's user check: a grant for good credentials, `undefined` otherwise (an RFC 6749
   * `invalid_grant`; throw an `HTTPException(401)` for FastAPI's tutorial answer instead).
   */
  readonly authenticate: Authenticate<Resolved<TUses>>
  /**
   * Failed logins are throttled per username (5) and per client address (30) in a 15-minute
   * window, answered `429` with `Retry-After` past that (default). Options change the limits, the
   * store (in memory by default) and how the client address is found; `false` turns it off (when
   * a gateway in front throttles logins).
   */
  readonly throttle?: LoginThrottleOptions | false
  /** Route path (default: `tokenUrl`). */
  readonly path?: TPath
  readonly tags?: readonly string[]
}

/** What the token route declares: typed, so that `@brisk/client` can call it. */
export interface TokenRouteDeclaration {
  readonly public: true
  readonly requestBody: { readonly schema: typeof TokenForm; readonly bodyType: 'form' }
  readonly responses: {
    readonly 200: { readonly schema: typeof TokenResponse; readonly description: string }
    readonly 400: { readonly schema: typeof OAuthError; readonly description: string }
    readonly 429: { readonly schema: typeof TooManyFailures; readonly description: string }
  }
}

export interface OAuth2Password<TScope extends string, TTokenUrl extends string = string>
  extends BearerScheme<TScope> {
  /**
   * The token endpoint as a public Brisk route: `POST` form `grant_type=password`, `username`,
   * `password`, `scope`; RFC 6749 §5.2 errors; `Cache-Control: no-store`.
   */
  tokenRoute<const TUses extends Uses = Record<never, never>, TPath extends string = TTokenUrl>(
    options: TokenRouteOptions<TUses, TPath>,
  ): Route<TokenRouteDeclaration, 'POST', NoInfer<TPath>>
}

const TOKENS = '~tokens'

const TokenResponse = v.object({
  access_token: v.string(),
  token_type: v.literal('Bearer'),
  expires_in: v.number(),
  scope: v.string(),
})

/** The form the endpoint reads itself (to answer RFC 6749 errors), documented for clients. */
const TokenForm = v.object({
  grant_type: v.literal('password'),
  username: v.string(),
  password: v.string(),
  scope: v.optional(v.pipe(v.string(), v.description('Space-separated scopes to request'))),
})

const TooManyFailures = v.object({ detail: v.string() })

const OAuthError = v.object({
  error: v.picklist([
    'invalid_request',
    'unsupported_grant_type',
    'invalid_grant',
    'invalid_scope',
  ]),
  error_description: v.string(),
})

/**
 * The OAuth2 password flow with JWT access tokens and scopes.
 *
 * @example
 * const oauth2 = oauth2Password({
 *   tokenUrl: '/token',
 *   scopes: { 'items:read': 'Read items', 'items:write': 'Create items' },
 *   tokens: jwtTokens({ secret: 'a-secret-of-at-least-32-bytes-from-env!!', issuer: 'shop', audience: 'shop' }),
 * })
 * const writeItem = post('/items', { security: [oauth2.requireScopes(['items:write'])] }, () => 'ok')
 */
export function oauth2Password<
  const TScopes extends Readonly<Record<string, string>>,
  const TTokenUrl extends string,
>(
  options: OAuth2PasswordOptions<TScopes, TTokenUrl>,
): OAuth2Password<keyof TScopes & string, TTokenUrl> {
  const where = 'oauth2Password'
  const { tokenUrl, tokens, name = 'OAuth2' } = options
  if (typeof tokenUrl !== 'string' || tokenUrl === '') {
    throw new TypeError(`${where}: 'tokenUrl' is required, e.g. '/token'`)
  }
  const configured = isDependency(tokens) ? tokens : undefined
  if (!configured && (!tokens || typeof (tokens as JwtTokens).verify !== 'function')) {
    throw new TypeError(`${where}: 'tokens' is required: pass jwtTokens({ ... }) or a dependency`)
  }
  const tokensOf = (config: unknown) => (configured ? config : tokens) as JwtTokens
  assertQuotable(name, `${where}: 'name'`)
  const declaredScopes = Object.keys(options.scopes)
  assertScopeNames(declaredScopes, where)
  const scheme: SecuritySchemeObject = {
    type: 'oauth2',
    flows: { password: { tokenUrl, scopes: { ...options.scopes } } },
    ...(options.description === undefined ? {} : { description: options.description }),
  }
  const base = bearerScheme<keyof TScopes & string>({
    name,
    scheme,
    where,
    scopes: declaredScopes,
    scopeClaim: 'scope',
    config: configured,
    verify: async (token, config) => {
      const claims = await tokensOf(config).verify(token)
      return claims === undefined ? { ok: false, reason: 'invalid' } : { ok: true, claims }
    },
  })

  function tokenRoute(routeOptions: TokenRouteOptions<any>): Route<any, 'POST', any> {
    const path = routeOptions.path ?? tokenUrl
    if (!path.startsWith('/')) {
      throw new TypeError(`${where}.tokenRoute: 'path' must be a path such as '/token'`)
    }
    if (typeof routeOptions.authenticate !== 'function') {
      throw new TypeError(`${where}.tokenRoute: 'authenticate' must be a function`)
    }
    const { authenticate } = routeOptions
    // Made once per route, when the route is: its store lives as long as the app.
    const throttle =
      routeOptions.throttle === false ? undefined : loginThrottle(routeOptions.throttle)
    // The tokens dependency (if any) rides along under a key of its own, apart from the user's.
    const deps = { ...routeOptions.deps, ...(configured ? { [TOKENS]: configured } : {}) }
    return post(
      path,
      {
        public: true,
        deps,
        summary: 'Issue an access token',
        description: 'OAuth2 password grant (RFC 6749 §4.3): a form with `grant_type=password`.',
        requestBody: { schema: TokenForm, bodyType: 'form' },
        ...(routeOptions.tags === undefined ? {} : { tags: routeOptions.tags }),
        responses: {
          200: { schema: TokenResponse, description: 'An access token' },
          400: { schema: OAuthError, description: 'RFC 6749 §5.2 error' },
          429: {
            schema: TooManyFailures,
            description: 'Too many failed logins for this username or address (see Retry-After)',
          },
        },
      },
      ({
        request,
        c,
        deps: values,
      }: {
        request: Request
        c: Context
        deps: Record<string, unknown>
      }) => {
        const { [TOKENS]: made, ...userDeps } = values
        const config = {
          tokens: tokensOf(made),
          declaredScopes,
          authenticate,
          deps: userDeps,
          throttle: throttle?.check,
          address: throttle?.clientAddress(c),
        }
        return handleTokenRequest(request, config)
      },
    )
  }

  return { ...base, tokenRoute }
}

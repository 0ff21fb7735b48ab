/**
 * @brisk/auth — authentication and authorization for Brisk and plain Hono: OAuth2 password flow
 * with JWT and scopes, bearer JWT from JWKS/OpenID Connect, API keys, HTTP Basic. Each scheme is a
 * dependency, a Hono middleware and an OpenAPI declaration at once.
 */

export type { SecurityDeclaration, SecuritySchemeObject } from '@brisk/router'
export { anyOf } from './any-of.ts'
export {
  type ApiKeyClient,
  type ApiKeyListOptions,
  type ApiKeyLookupOptions,
  apiKey,
} from './api-key.ts'
export { type BearerJwtOptions, bearerJwt, type RemoteKeyOptions } from './bearer-jwt.ts'
export {
  type ClientAddress,
  clientAddress,
  type ForwardedClientAddressOptions,
  forwardedClientAddress,
} from './client-address.ts'
export { type CorsForOptions, corsFor } from './cors-for.ts'
export {
  type BasicCredentials,
  type BasicUser,
  type HttpBasicUsersOptions,
  type HttpBasicVerifyOptions,
  httpBasic,
  httpBasicCredentials,
} from './http-basic.ts'
export type { BearerScheme } from './internal/bearer-scheme.ts'
export type { Guard, Outcome } from './internal/guard.ts'
export {
  type IssuedToken,
  type JwtTokens,
  type JwtTokensOptions,
  jwtTokens,
  type KeyInput,
  type SigningAlgorithm,
  type TokenGrant,
} from './jwt-tokens.ts'
export {
  type LoginThrottleOptions,
  type LoginThrottleStore,
  type MemoryThrottleStoreOptions,
  memoryThrottleStore,
  type ThrottleWindow,
} from './login-throttle.ts'
export { type OAuth2BearerOptions, oauth2Bearer } from './oauth2-bearer.ts'
export {
  type Authenticate,
  type OAuth2Password,
  type OAuth2PasswordOptions,
  oauth2Password,
  type PasswordCredentials,
  type PasswordGrant,
  type TokenRouteDeclaration,
  type TokenRouteOptions,
} from './oauth2-password.ts'
export { passwordForm, passwordFormStrict } from './password-form.ts'
export {
  DEFAULT_ITERATIONS,
  dummyVerify,
  type HashOptions,
  hashPassword,
  verifyPassword,
} from './password-hash.ts'
export { safeEqual } from './safe-equal.ts'
export { type SecurityScopes, securityScopes } from './security-scopes.ts'
export type { AuthEnv, SecurityDependency, TokenPrincipal } from './types.ts'
export { withScopes } from './with-scopes.ts'

/**
 * `oauth2Bearer` is FastAPI's `OAuth2PasswordBearer`: it only takes the bearer token from the
 * `Authorization` header, for your own dependency to verify (a `get_current_user`). Documented as
 * an OAuth2 password flow, so the docs' "Authorize" button logs in at `tokenUrl`.
 */
import { readCredentials } from './internal/authorization.ts'
import { BEARER, INVALID_TOKEN } from './internal/challenge.ts'
import { AUTHORIZATION } from './internal/credentials.ts'
import { fail, type Guard } from './internal/guard.ts'
import { assertScopeNames } from './internal/scopes.ts'
import { securityDependency } from './internal/security-dependency.ts'
import type { SecurityDependency } from './types.ts'

export interface OAuth2BearerOptions {
  /** Where clients get tokens (your token route), e.g. `/token`. */
  readonly tokenUrl: string
  /** The scopes a token can carry, with their descriptions (documented on the flow). */
  readonly scopes?: Readonly<Record<string, string>>
  /** Name of the scheme in the OpenAPI document (default `OAuth2PasswordBearer`). */
  readonly scheme?: string
  readonly description?: string
}

/**
 * The bearer token, unverified: missing, or another scheme, is a 401 `Not authenticated` with
 * `WWW-Authenticate: Bearer` (the scheme is compared case-insensitively); a header that is not a
 * single token68 value is a 401 `invalid_token`.
 *
 * @example
 * const token = oauth2Bearer({ tokenUrl: '/token' })
 * const currentUser = dependency({ uses: { token } }, async ({ token }) => {
 *   const user = await users.byToken(token)
 *   if (!user) throw new HTTPException(401, 'Invalid token', { 'www-authenticate': 'Bearer' })
 *   return user
 * })
 */
export function oauth2Bearer(options: OAuth2BearerOptions): SecurityDependency<string> {
  const where = 'oauth2Bearer'
  if (typeof options.tokenUrl !== 'string' || options.tokenUrl === '') {
    throw new TypeError(`${where}: 'tokenUrl' is where clients get tokens, e.g. '/token'`)
  }
  const scopes = { ...options.scopes }
  assertScopeNames(Object.keys(scopes), where)
  const name = options.scheme ?? 'OAuth2PasswordBearer'
  const guard: Guard<string> = {
    name,
    security: {
      schemes: {
        [name]: {
          type: 'oauth2',
          flows: { password: { tokenUrl: options.tokenUrl, scopes } },
          ...(options.description === undefined ? {} : { description: options.description }),
        },
      },
      requirements: [{ [name]: [] }],
      credentials: AUTHORIZATION,
    },
    challenge: BEARER,
    async authenticate(read) {
      const credentials = readCredentials(read('headers', 'authorization'), 'Bearer')
      if (credentials.kind === 'absent') return fail('absent', BEARER)
      if (credentials.kind === 'malformed') return fail('invalid', INVALID_TOKEN)
      return { ok: true, principal: credentials.value }
    },
  }
  return securityDependency(guard)
}

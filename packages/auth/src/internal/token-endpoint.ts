/** The OAuth2 token endpoint's protocol: RFC 6749 §4.3 (password grant) and §5 (responses). */
import type { JwtTokens } from '../jwt-tokens.ts'
import { parseScopes } from './scopes.ts'

/** What the app's own user check returns for good credentials. */
export interface PasswordGrant {
  readonly subject: string
  /** Every scope this user may be granted; the token gets those also requested. */
  readonly scopes: readonly string[]
  /** Extra claims for the token. */
  readonly claims?: Readonly<Record<string, unknown>>
}

/** What the user check receives. */
export interface PasswordCredentials {
  readonly username: string
  readonly password: string
  /** The scopes the client asked for (all declared ones). */
  readonly scopes: readonly string[]
  readonly request: Request
}

export type Authenticate = (
  credentials: PasswordCredentials,
) => PasswordGrant | undefined | Promise<PasswordGrant | undefined>

/** Largest token request read; a password grant is a few hundred bytes. */
const MAX_BODY = 16_384
const PARAMETERS = ['grant_type', 'username', 'password', 'scope', 'client_id', 'client_secret']
const NO_STORE = { 'cache-control': 'no-store', pragma: 'no-cache' }

type ErrorCode = 'invalid_request' | 'unsupported_grant_type' | 'invalid_grant' | 'invalid_scope'

/** An RFC 6749 §5.2 error response: always 400 here (no client authentication is offered). */
function oauthError(error: ErrorCode, description: string): Response {
  return Response.json(
    { error, error_description: description },
    { status: 400, headers: NO_STORE },
  )
}

async function readBody(request: Request): Promise<string | undefined> {
  const declared = request.headers.get('content-length')
  if (declared !== null && Number(declared) > MAX_BODY) return undefined
  if (request.body === null) return ''
  const reader = request.body.getReader()
  const chunks: Uint8Array[] = []
  let size = 0
  for (;;) {
    const { done, value } = await reader.read()
    if (done) break
    size += value.byteLength
    if (size > MAX_BODY) {
      await reader.cancel()
      return undefined
    }
    chunks.push(value)
  }
  const bytes = new Uint8Array(size)
  let offset = 0
  for (const chunk of chunks) {
    bytes.set(chunk, offset)
    offset += chunk.byteLength
  }
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes)
  } catch {
    return undefined
  }
}

export interface TokenEndpointConfig {
  readonly tokens: JwtTokens
  readonly declaredScopes: readonly string[]
  readonly authenticate: Authenticate
}

/** Answers one token request: a token, or the §5.2 error that fits. Never a stack trace. */
export async function handleTokenRequest(
  request: Request,
  config: TokenEndpointConfig,
): Promise<Response> {
  const mediaType = request.headers.get('content-type')?.split(';')[0]?.trim().toLowerCase()
  if (mediaType !== 'application/x-www-form-urlencoded') {
    return oauthError('invalid_request', 'Expected an application/x-www-form-urlencoded body')
  }
  const body = await readBody(request)
  if (body === undefined) return oauthError('invalid_request', 'The request body is too large')
  const form = new URLSearchParams(body)
  for (const name of PARAMETERS) {
    if (form.getAll(name).length > 1) {
      return oauthError('invalid_request', `Parameter '${name}' is repeated`)
    }
  }
  const grantType = form.get('grant_type')
  if (grantType === null || grantType === '') {
    return oauthError('invalid_request', "Missing 'grant_type'")
  }
  if (grantType !== 'password') {
    return oauthError('unsupported_grant_type', "Only the 'password' grant type is supported")
  }
  const username = form.get('username')
  const password = form.get('password')
  if (!username || !password) {
    return oauthError('invalid_request', "Missing 'username' or 'password'")
  }
  const requested = [...new Set(parseScopes(form.get('scope') ?? ''))]
  if (requested.some((scope) => !config.declaredScopes.includes(scope))) {
    return oauthError('invalid_scope', 'Unknown scope requested')
  }
  const grant = await config.authenticate({ username, password, scopes: requested, request })
  if (grant === undefined) return oauthError('invalid_grant', 'Incorrect username or password')
  // Least privilege: only what was both requested and allowed; nothing requested, nothing granted.
  const granted = requested.filter((scope) => grant.scopes.includes(scope))
  const issued = await config.tokens.issue({
    subject: grant.subject,
    scopes: granted,
    ...(grant.claims === undefined ? {} : { claims: grant.claims }),
  })
  return Response.json(
    {
      access_token: issued.token,
      token_type: 'Bearer',
      expires_in: issued.expiresIn,
      scope: issued.scope,
    },
    { status: 200, headers: NO_STORE },
  )
}

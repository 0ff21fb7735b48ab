/** The OAuth2 token endpoint's protocol: RFC 6749 §4.3 (password grant) and §5 (responses). */
import { createValidator, mediaType } from '@brisk/validator'
import * as v from 'valibot'
import type { JwtTokens } from '../jwt-tokens.ts'
import type { LoginThrottle } from '../login-throttle.ts'
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

/** The app's user check; `deps` are the values of `tokenRoute`'s `deps` (a database…). */
export type Authenticate<TDeps = Record<never, never>> = (
  credentials: PasswordCredentials,
  deps: TDeps,
) => PasswordGrant | undefined | Promise<PasswordGrant | undefined>

/** Largest token request read; a password grant is a few hundred bytes. */
const MAX_BODY = 16_384
const NO_STORE = { 'cache-control': 'no-store', pragma: 'no-cache' }

type ErrorCode = 'invalid_request' | 'unsupported_grant_type' | 'invalid_grant' | 'invalid_scope'

/** An RFC 6749 §5.2 error response: always 400 here (no client authentication is offered). */
function oauthError(error: ErrorCode, description: string): Response {
  return Response.json(
    { error, error_description: description },
    { status: 400, headers: NO_STORE },
  )
}

// Every field optional: a missing one is an RFC 6749 error, not a 422. Secrets are never echoed.
const SECRET = v.optional(v.pipe(v.string(), v.metadata({ sensitive: true })))
const TokenForm = v.object({
  grant_type: v.optional(v.string()),
  username: v.optional(v.string()),
  password: SECRET,
  scope: v.optional(v.string()),
  client_id: v.optional(v.string()),
  client_secret: SECRET,
})

/** The validator reads the form: its size, repeated parameters, empty values as absent. */
const readForm = createValidator({ body: TokenForm, bodyType: 'form' }, { bodyLimit: MAX_BODY })

type FormOutcome = { form: v.InferOutput<typeof TokenForm> } | { refused: Response }

/**
 * The form's fields, or the §5.2 error that says why it cannot be read. (Tagged, not told apart
 * with `instanceof Response`: `@hono/node-server` swaps the global `Response` class.)
 */
async function tokenForm(request: Request): Promise<FormOutcome> {
  const result = await readForm.validate(request)
  if (result.ok) return { form: result.value.body }
  const refuse = (description: string) => ({ refused: oauthError('invalid_request', description) })
  if (result.status === 413) return refuse('The request body is too large')
  // The media type was checked first: a 415 or a missing body here is an empty form.
  const repeated = result.issues.find((issue) => issue.type === 'multiple_values')
  if (repeated) return refuse(`Parameter '${repeated.loc[1]}' is repeated`)
  const absent = result.issues.some((issue) => issue.type === 'missing' && issue.loc.length === 1)
  if (result.status === 415 || absent) return { form: {} }
  return refuse('The request body could not be read')
}

export interface TokenEndpointConfig {
  readonly tokens: JwtTokens
  readonly declaredScopes: readonly string[]
  readonly authenticate: Authenticate<any>
  /** The values of the route's dependencies, for `authenticate`. */
  readonly deps: unknown
  /** Counts failed logins; `undefined` when throttling is off. */
  readonly throttle: LoginThrottle | undefined
  /** The client's address, for the throttle. */
  readonly address: string | undefined
}

/** Too many failed logins: not an RFC 6749 error (it has none for this), a plain 429. */
function tooManyFailures(seconds: number): Response {
  return Response.json(
    { detail: 'Too many failed logins: try again later' },
    { status: 429, headers: { ...NO_STORE, 'retry-after': String(seconds) } },
  )
}

/** Thrown by the user check as its answer to bad credentials (e.g. `HTTPException(401)`). */
function isCredentialsAnswer(error: unknown): boolean {
  const status = (error as { status?: unknown } | null)?.status
  return status === 400 || status === 401 || status === 403
}

/** Answers one token request: a token, or the §5.2 error that fits. Never a stack trace. */
export async function handleTokenRequest(
  request: Request,
  config: TokenEndpointConfig,
): Promise<Response> {
  // §4.3.2: urlencoded only (the validator's 'form' would take multipart too).
  if (mediaType(request.headers.get('content-type')) !== 'application/x-www-form-urlencoded') {
    return oauthError('invalid_request', 'Expected an application/x-www-form-urlencoded body')
  }
  const outcome = await tokenForm(request)
  if ('refused' in outcome) return outcome.refused
  const { form } = outcome
  const grantType = form.grant_type
  if (grantType === undefined) {
    return oauthError('invalid_request', "Missing 'grant_type'")
  }
  if (grantType !== 'password') {
    return oauthError('unsupported_grant_type', "Only the 'password' grant type is supported")
  }
  const username = form.username
  const password = form.password
  if (!username || !password) {
    return oauthError('invalid_request', "Missing 'username' or 'password'")
  }
  const requested = [...new Set(parseScopes(form.scope ?? ''))]
  if (requested.some((scope) => !config.declaredScopes.includes(scope))) {
    return oauthError('invalid_scope', 'Unknown scope requested')
  }
  // Counted before the password is checked: a refused attempt costs no hashing and tells nothing.
  const throttled = await config.throttle?.(username, config.address)
  if (throttled && 'refused' in throttled) return tooManyFailures(throttled.refused)
  const attempt = throttled?.attempt
  let grant: PasswordGrant | undefined
  try {
    grant = await config.authenticate(
      { username, password, scopes: requested, request },
      config.deps,
    )
  } catch (error) {
    if (!isCredentialsAnswer(error)) await attempt?.undo() // an outage is not a wrong password
    throw error
  }
  if (grant === undefined) return oauthError('invalid_grant', 'Incorrect username or password')
  await attempt?.succeeded()
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

/**
 * Forged and malformed credentials for the fuzzer: JWTs signed with the fixture's secret, a wrong
 * secret, the RS256 public key used as an HMAC secret (algorithm confusion) or not at all, with
 * hostile claims; and Basic credentials that are not quite `user:password`. Signing is synchronous
 * (`node:crypto`) so tokens can be built inside fast-check arbitraries.
 */
import { createHmac } from 'node:crypto'
import fc from 'fast-check'
import {
  AUTH_AUDIENCE,
  AUTH_ISSUER,
  AUTH_SECRET,
  RS256_PUBLIC_KEY,
} from '../../fixture/auth-config.ts'

const base64url = (text: string | Buffer) => Buffer.from(text).toString('base64url')

const now = () => Math.floor(Date.now() / 1000)

const header = fc.oneof(
  fc.constant({ alg: 'HS256', typ: 'JWT' }),
  fc.constant({ alg: 'none' }),
  fc.constant({ alg: 'NONE', typ: 'JWT' }),
  fc.constant({ alg: 'RS256' }),
  fc.constant({ alg: 'HS512' }),
  fc.constant({ alg: 'HS256', crit: ['exp'] }),
  fc.constant({ alg: 'HS256', kid: '../../../../etc/passwd' }),
  fc.constant({ alg: 'HS256', jku: 'http://127.0.0.1:1/keys' }),
  fc.record({ alg: fc.string({ maxLength: 8 }) }),
)

const claims = fc.record(
  {
    sub: fc.oneof(fc.constantFrom('alice', 'bob', 'root', ''), fc.string(), fc.integer()),
    iss: fc.oneof(fc.constant(AUTH_ISSUER), fc.constant('https://evil.test'), fc.integer()),
    aud: fc.oneof(
      fc.constant(AUTH_AUDIENCE),
      fc.constant([AUTH_AUDIENCE, 'other']),
      fc.constant('https://evil.test'),
    ),
    exp: fc.oneof(
      fc.constant(now() + 300),
      fc.constant(now() - 300),
      fc.constant(now() + 10 * 365 * 86_400),
      fc.constant(Number.MAX_VALUE),
      fc.constant('tomorrow'),
    ),
    iat: fc.oneof(fc.constant(now()), fc.constant(now() + 86_400), fc.constant(-1)),
    nbf: fc.oneof(fc.constant(now() - 10), fc.constant(now() + 3600)),
    scope: fc.oneof(
      fc.constantFrom('read write admin', 'read', 'admin', ''),
      fc.array(fc.constantFrom('read', 'write', 'admin')),
      fc.constant({ admin: true }),
    ),
  },
  { requiredKeys: [] },
)

const secret = fc.constantFrom(
  AUTH_SECRET,
  `${AUTH_SECRET}!`,
  RS256_PUBLIC_KEY,
  'secret',
  '', // alg none: no signature at all
)

function sign(headerPart: string, payloadPart: string, key: string): string {
  if (key === '') return ''
  return createHmac('sha256', key).update(`${headerPart}.${payloadPart}`).digest('base64url')
}

/** A three-part JWT: any header, any claims, signed with any of the candidate keys. */
export const forgedJwt = fc
  .tuple(header, claims, secret, fc.boolean())
  .map(([head, body, key, protoKey]) => {
    const json = JSON.stringify(body)
    // A `__proto__` claim written into the JSON text, where a careless merge would pick it up.
    const payload = protoKey
      ? `{"__proto__":{"admin":true}${json === '{}' ? '' : ','}${json.slice(1)}`
      : json
    const headerPart = base64url(JSON.stringify(head))
    const payloadPart = base64url(payload)
    return `${headerPart}.${payloadPart}.${sign(headerPart, payloadPart, key)}`
  })

/** Strings that only look like JWTs. */
export const malformedJwt = fc.oneof(
  fc.constant(''),
  fc.constant('a.b'),
  fc.constant('a.b.c.d'),
  fc.constant('...'),
  fc.constant(`${base64url('{"alg":"HS256"')}.${base64url('{}')}.x`),
  fc.constant(`${base64url('null')}.${base64url('[]')}.`),
  fc.constant(`${'e'.repeat(9000)}.${'e'.repeat(9000)}.sig`),
  fc.string({ maxLength: 200 }).map((text) => `${base64url(text)}.${base64url(text)}.${text}`),
  fc.stringMatching(/^[A-Za-z0-9_\-.=+/]{0,120}$/),
)

/** An Authorization header value: Bearer, Basic, or neither. */
export const authorization = fc.oneof(
  fc.oneof(forgedJwt, malformedJwt).map((token) => `Bearer ${token}`),
  fc
    .tuple(fc.constantFrom('Bearer', 'bearer', 'BEARER', 'Bearer  ', 'Token'), forgedJwt)
    .map(([scheme, token]) => `${scheme} ${token}`),
  fc
    .oneof(
      fc.constantFrom('root:s3cret', 'root:wrong', 'jöhn:pässword', 'root', ':', 'root::s3cret'),
      fc.string({ maxLength: 40 }),
    )
    .map((pair) => `Basic ${Buffer.from(pair, 'utf8').toString('base64')}`),
  fc.constantFrom('Basic', 'Basic !!!', 'Bearer', 'Digest x', ''),
)

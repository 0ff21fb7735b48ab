/**
 * The 401/403 matrix: one table of cases, run against the Brisk dependencies and the plain Hono
 * middleware alike. The README's table is this one.
 */
import { beforeAll, describe, expect, it } from 'vitest'
import {
  briskApp,
  type Fixture,
  fixture,
  forge,
  honoApp,
  now,
  PARTNER_KEY,
  SECRET,
  unsigned,
} from '../test/helpers.ts'

const NOT_AUTHENTICATED = 'Not authenticated'
const INVALID = 'Invalid authentication credentials'
const FORBIDDEN = 'Not enough permissions'
const BEARER = 'Bearer'
const INVALID_TOKEN = 'Bearer error="invalid_token"'
const BASIC = 'Basic realm="admin", charset="UTF-8"'

type Tokens = Record<string, string>

interface Case {
  readonly name: string
  readonly path: string
  readonly headers?: (tokens: Tokens) => HeadersInit
  readonly query?: string
  readonly status: number
  readonly challenge?: string
  readonly detail?: string
}

const basic = (text: string) =>
  `Basic ${btoa(String.fromCharCode(...new TextEncoder().encode(text)))}`

const cases: Case[] = [
  // Bearer (oauth2.user)
  {
    name: 'bearer: no Authorization',
    path: '/me',
    status: 401,
    challenge: BEARER,
    detail: NOT_AUTHENTICATED,
  },
  {
    name: 'bearer: valid token',
    path: '/me',
    headers: (t) => ({ authorization: `Bearer ${t.read}` }),
    status: 200,
  },
  {
    name: 'bearer: scheme is case-insensitive',
    path: '/me',
    headers: (t) => ({ authorization: `bEaReR ${t.read}` }),
    status: 200,
  },
  {
    name: 'bearer: "Bearer" with no token',
    path: '/me',
    headers: () => ({ authorization: 'Bearer' }),
    status: 401,
    challenge: BEARER,
    detail: NOT_AUTHENTICATED,
  },
  {
    name: 'bearer: JWT under "Basic"',
    path: '/me',
    headers: (t) => ({ authorization: `Basic ${t.read}` }),
    status: 401,
    challenge: BEARER,
    detail: NOT_AUTHENTICATED,
  },
  {
    name: 'bearer: JWT under "Token"',
    path: '/me',
    headers: (t) => ({ authorization: `Token ${t.read}` }),
    status: 401,
    challenge: BEARER,
    detail: NOT_AUTHENTICATED,
  },
  {
    name: 'bearer: two Authorization headers',
    path: '/me',
    headers: (t) => [
      ['authorization', `Bearer ${t.read}`],
      ['authorization', `Bearer ${t.write}`],
    ],
    status: 401,
    challenge: INVALID_TOKEN,
    detail: INVALID,
  },
  {
    name: 'bearer: not a JWT',
    path: '/me',
    headers: () => ({ authorization: 'Bearer abc.def.ghi' }),
    status: 401,
    challenge: INVALID_TOKEN,
    detail: INVALID,
  },
  {
    name: 'bearer: 10 KB token',
    path: '/me',
    headers: () => ({ authorization: `Bearer ${'a'.repeat(10_240)}` }),
    status: 401,
    challenge: INVALID_TOKEN,
    detail: INVALID,
  },
  {
    name: 'bearer: alg none',
    path: '/me',
    headers: (t) => ({ authorization: `Bearer ${t.none}` }),
    status: 401,
    challenge: INVALID_TOKEN,
    detail: INVALID,
  },
  {
    name: 'bearer: alg None',
    path: '/me',
    headers: (t) => ({ authorization: `Bearer ${t.None}` }),
    status: 401,
    challenge: INVALID_TOKEN,
    detail: INVALID,
  },
  {
    name: 'bearer: signed with another secret',
    path: '/me',
    headers: (t) => ({ authorization: `Bearer ${t.otherSecret}` }),
    status: 401,
    challenge: INVALID_TOKEN,
    detail: INVALID,
  },
  {
    name: 'bearer: expired',
    path: '/me',
    headers: (t) => ({ authorization: `Bearer ${t.expired}` }),
    status: 401,
    challenge: INVALID_TOKEN,
    detail: INVALID,
  },
  {
    name: 'bearer: not yet valid (nbf)',
    path: '/me',
    headers: (t) => ({ authorization: `Bearer ${t.notYet}` }),
    status: 401,
    challenge: INVALID_TOKEN,
    detail: INVALID,
  },
  {
    name: 'bearer: iat in the future',
    path: '/me',
    headers: (t) => ({ authorization: `Bearer ${t.futureIat}` }),
    status: 401,
    challenge: INVALID_TOKEN,
    detail: INVALID,
  },
  {
    name: 'bearer: exp missing',
    path: '/me',
    headers: (t) => ({ authorization: `Bearer ${t.noExp}` }),
    status: 401,
    challenge: INVALID_TOKEN,
    detail: INVALID,
  },
  {
    name: 'bearer: exp as a string',
    path: '/me',
    headers: (t) => ({ authorization: `Bearer ${t.stringExp}` }),
    status: 401,
    challenge: INVALID_TOKEN,
    detail: INVALID,
  },
  {
    name: 'bearer: exp null',
    path: '/me',
    headers: (t) => ({ authorization: `Bearer ${t.nullExp}` }),
    status: 401,
    challenge: INVALID_TOKEN,
    detail: INVALID,
  },
  {
    name: 'bearer: exp huge',
    path: '/me',
    headers: (t) => ({ authorization: `Bearer ${t.hugeExp}` }),
    status: 401,
    challenge: INVALID_TOKEN,
    detail: INVALID,
  },
  {
    name: 'bearer: wrong aud',
    path: '/me',
    headers: (t) => ({ authorization: `Bearer ${t.wrongAud}` }),
    status: 401,
    challenge: INVALID_TOKEN,
    detail: INVALID,
  },
  {
    name: 'bearer: missing aud',
    path: '/me',
    headers: (t) => ({ authorization: `Bearer ${t.noAud}` }),
    status: 401,
    challenge: INVALID_TOKEN,
    detail: INVALID,
  },
  {
    name: 'bearer: wrong iss',
    path: '/me',
    headers: (t) => ({ authorization: `Bearer ${t.wrongIss}` }),
    status: 401,
    challenge: INVALID_TOKEN,
    detail: INVALID,
  },
  {
    name: 'bearer: missing iss',
    path: '/me',
    headers: (t) => ({ authorization: `Bearer ${t.noIss}` }),
    status: 401,
    challenge: INVALID_TOKEN,
    detail: INVALID,
  },
  {
    name: 'bearer: missing sub',
    path: '/me',
    headers: (t) => ({ authorization: `Bearer ${t.noSub}` }),
    status: 401,
    challenge: INVALID_TOKEN,
    detail: INVALID,
  },
  {
    name: 'bearer: typ other than at+jwt',
    path: '/me',
    headers: (t) => ({ authorization: `Bearer ${t.wrongTyp}` }),
    status: 401,
    challenge: INVALID_TOKEN,
    detail: INVALID,
  },
  // Scopes (oauth2.requireScopes(['items:write']))
  {
    name: 'scopes: no token',
    path: '/items',
    status: 401,
    challenge: BEARER,
    detail: NOT_AUTHENTICATED,
  },
  {
    name: 'scopes: invalid token',
    path: '/items',
    headers: (t) => ({ authorization: `Bearer ${t.expired}` }),
    status: 401,
    challenge: INVALID_TOKEN,
    detail: INVALID,
  },
  {
    name: 'scopes: granted',
    path: '/items',
    headers: (t) => ({ authorization: `Bearer ${t.write}` }),
    status: 200,
  },
  {
    name: 'scopes: lacking',
    path: '/items',
    headers: (t) => ({ authorization: `Bearer ${t.read}` }),
    status: 403,
    challenge: 'Bearer error="insufficient_scope", scope="items:write"',
    detail: FORBIDDEN,
  },
  {
    name: 'scopes: "items:read,items:write"',
    path: '/items',
    headers: (t) => ({ authorization: `Bearer ${t.commaScope}` }),
    status: 403,
    challenge: 'Bearer error="insufficient_scope", scope="items:write"',
    detail: FORBIDDEN,
  },
  {
    name: 'scopes: "items:readitems:write"',
    path: '/items',
    headers: (t) => ({ authorization: `Bearer ${t.joinedScope}` }),
    status: 403,
    challenge: 'Bearer error="insufficient_scope", scope="items:write"',
    detail: FORBIDDEN,
  },
  {
    name: 'scopes: "Items:Write"',
    path: '/items',
    headers: (t) => ({ authorization: `Bearer ${t.caseScope}` }),
    status: 403,
    challenge: 'Bearer error="insufficient_scope", scope="items:write"',
    detail: FORBIDDEN,
  },
  {
    name: 'scopes: scope as an array',
    path: '/items',
    headers: (t) => ({ authorization: `Bearer ${t.arrayScope}` }),
    status: 403,
    challenge: 'Bearer error="insufficient_scope", scope="items:write"',
    detail: FORBIDDEN,
  },
  // API key in a header
  {
    name: 'api key: missing',
    path: '/key',
    status: 401,
    challenge: 'ApiKey',
    detail: NOT_AUTHENTICATED,
  },
  {
    name: 'api key: valid',
    path: '/key',
    headers: () => ({ 'x-api-key': PARTNER_KEY }),
    status: 200,
  },
  {
    name: 'api key: wrong',
    path: '/key',
    headers: () => ({ 'x-api-key': `${PARTNER_KEY}x` }),
    status: 401,
    challenge: 'ApiKey',
    detail: INVALID,
  },
  {
    name: 'api key: 2 KB',
    path: '/key',
    headers: () => ({ 'x-api-key': 'k'.repeat(2048) }),
    status: 401,
    challenge: 'ApiKey',
    detail: INVALID,
  },
  {
    name: 'api key: in the query, header scheme',
    path: '/key',
    query: `x-api-key=${PARTNER_KEY}`,
    status: 401,
    challenge: 'ApiKey',
    detail: NOT_AUTHENTICATED,
  },
  {
    name: 'api key (query): valid',
    path: '/key-query',
    query: `api_key=${PARTNER_KEY}`,
    status: 200,
  },
  {
    name: 'api key (query): in a header instead',
    path: '/key-query',
    headers: () => ({ api_key: PARTNER_KEY }),
    status: 401,
    challenge: 'ApiKey',
    detail: NOT_AUTHENTICATED,
  },
  // HTTP Basic
  {
    name: 'basic: missing',
    path: '/basic',
    status: 401,
    challenge: BASIC,
    detail: NOT_AUTHENTICATED,
  },
  {
    name: 'basic: valid',
    path: '/basic',
    headers: () => ({ authorization: basic('root:s3cret') }),
    status: 200,
  },
  {
    name: 'basic: UTF-8 user and password',
    path: '/basic',
    headers: () => ({ authorization: basic('jöhn:pässword') }),
    status: 200,
  },
  {
    name: 'basic: password with a colon is split on the first',
    path: '/basic',
    headers: () => ({ authorization: basic('root:s3cret:') }),
    status: 401,
    challenge: BASIC,
    detail: INVALID,
  },
  {
    name: 'basic: wrong password',
    path: '/basic',
    headers: () => ({ authorization: basic('root:nope') }),
    status: 401,
    challenge: BASIC,
    detail: INVALID,
  },
  {
    name: 'basic: unknown user',
    path: '/basic',
    headers: () => ({ authorization: basic('mallory:s3cret') }),
    status: 401,
    challenge: BASIC,
    detail: INVALID,
  },
  {
    name: 'basic: no colon',
    path: '/basic',
    headers: () => ({ authorization: basic('roots3cret') }),
    status: 401,
    challenge: BASIC,
    detail: INVALID,
  },
  {
    name: 'basic: not base64',
    path: '/basic',
    headers: () => ({ authorization: 'Basic ***' }),
    status: 401,
    challenge: BASIC,
    detail: INVALID,
  },
  {
    name: 'basic: non-ASCII in the header',
    path: '/basic',
    headers: () => ({ authorization: 'Basic r\u00f6ot' }),
    status: 401,
    challenge: BASIC,
    detail: INVALID,
  },
  {
    name: 'basic: invalid UTF-8',
    path: '/basic',
    headers: () => ({ authorization: `Basic ${btoa('root\xff:s3cret')}` }),
    status: 401,
    challenge: BASIC,
    detail: INVALID,
  },
  {
    name: 'basic: 10 KB of credentials',
    path: '/basic',
    headers: () => ({ authorization: basic(`root:${'x'.repeat(10_240)}`) }),
    status: 401,
    challenge: BASIC,
    detail: INVALID,
  },
  {
    name: 'basic: a bearer token instead',
    path: '/basic',
    headers: (t) => ({ authorization: `Bearer ${t.read}` }),
    status: 401,
    challenge: BASIC,
    detail: NOT_AUTHENTICATED,
  },
  // anyOf(api key, bearer)
  {
    name: 'anyOf: nothing',
    path: '/either',
    status: 401,
    challenge: 'ApiKey, Bearer',
    detail: NOT_AUTHENTICATED,
  },
  {
    name: 'anyOf: api key',
    path: '/either',
    headers: () => ({ 'x-api-key': PARTNER_KEY }),
    status: 200,
  },
  {
    name: 'anyOf: bearer',
    path: '/either',
    headers: (t) => ({ authorization: `Bearer ${t.read}` }),
    status: 200,
  },
  {
    name: 'anyOf: invalid bearer, no key',
    path: '/either',
    headers: (t) => ({ authorization: `Bearer ${t.expired}` }),
    status: 401,
    challenge: INVALID_TOKEN,
    detail: INVALID,
  },
  {
    name: 'anyOf: wrong key decides even with a valid bearer',
    path: '/either',
    headers: (t) => ({ 'x-api-key': 'wrong-key-0123456789', authorization: `Bearer ${t.read}` }),
    status: 401,
    challenge: 'ApiKey',
    detail: INVALID,
  },
]

async function makeTokens(f: Fixture): Promise<Tokens> {
  const hs = (claims: Record<string, unknown>, header?: Record<string, unknown>) =>
    forge(claims, header)
  return {
    read: (await f.tokens.issue({ subject: 'bob', scopes: ['items:read'] })).token,
    write: (await f.tokens.issue({ subject: 'alice', scopes: ['items:read', 'items:write'] }))
      .token,
    none: unsigned({ alg: 'none', typ: 'at+jwt' }, {}),
    None: unsigned({ alg: 'None', typ: 'at+jwt' }, {}),
    otherSecret: await forge({}, {}, `${SECRET}-other`),
    expired: await hs({ iat: now() - 3600, exp: now() - 60 }),
    notYet: await hs({ nbf: now() + 600 }),
    futureIat: await hs({ iat: now() + 600 }),
    noExp: await hs({ exp: undefined }),
    stringExp: await hs({ exp: String(now() + 300) }),
    nullExp: await hs({ exp: null }),
    hugeExp: await hs({ exp: 1e15 }),
    wrongAud: await hs({ aud: 'https://other.test' }),
    noAud: await hs({ aud: undefined }),
    wrongIss: await hs({ iss: 'https://other.test' }),
    noIss: await hs({ iss: undefined }),
    noSub: await hs({ sub: undefined }),
    wrongTyp: await hs({}, { typ: 'JWT' }),
    commaScope: await hs({ scope: 'items:read,items:write' }),
    joinedScope: await hs({ scope: 'items:readitems:write' }),
    caseScope: await hs({ scope: 'Items:Write' }),
    arrayScope: await hs({ scope: ['items:write'] }),
  }
}

type Fetcher = (request: Request) => Response | Promise<Response>

const targets: ReadonlyArray<readonly [string, (f: Fixture) => Fetcher]> = [
  [
    'Brisk dependency',
    (f) => {
      const app = briskApp(f)
      return (request) => app.fetch(request)
    },
  ],
  [
    'Hono middleware',
    (f) => {
      const app = honoApp(f)
      return (request) => app.fetch(request)
    },
  ],
]

describe.each(targets)('the 401/403 matrix through the %s', (_, make) => {
  let fetch: Fetcher
  let tokens: Tokens
  beforeAll(async () => {
    const f = await fixture()
    fetch = make(f)
    tokens = await makeTokens(f)
  })

  it.each(cases)('$name → $status', async (testCase) => {
    const headers = new Headers(testCase.headers?.(tokens))
    const url = `http://localhost${testCase.path}${testCase.query ? `?${testCase.query}` : ''}`
    const response = await fetch(new Request(url, { headers }))
    expect(response.status).toBe(testCase.status)
    if (testCase.status === 200) {
      expect(((await response.json()) as { principal: unknown }).principal).toBeTypeOf('object')
      return
    }
    expect(response.headers.get('www-authenticate')).toBe(testCase.challenge)
    expect(response.headers.get('content-type')).toBe('application/json')
    expect(response.headers.get('cache-control')).toBe('no-store')
    expect(await response.json()).toEqual({ detail: testCase.detail })
  })
})

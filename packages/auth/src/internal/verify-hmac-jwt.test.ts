import { createHmac } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { hmacJwtVerifier } from './verify-hmac-jwt.ts'
import { type ClaimRules, verifyJwt } from './verify-jwt.ts'

const SECRET = 'test-secret-of-exactly-32-bytes!'
const ISSUER = 'https://api.test'
const now = () => Math.floor(Date.now() / 1000)

const b64 = (text: string | Buffer) => Buffer.from(text).toString('base64url')
const json = (value: unknown) => b64(JSON.stringify(value))

/** A compact token from raw segments, signed with HS256 whatever its header says. */
function sign(header: string, payload: string, secret = SECRET): string {
  const input = `${header}.${payload}`
  return `${input}.${createHmac('sha256', secret).update(input).digest('base64url')}`
}

/** A token over JSON header and claims: ours by default, each part overridable (undefined drops). */
function token(claims: Record<string, unknown> = {}, header: Record<string, unknown> = {}): string {
  const drop = (value: Record<string, unknown>) =>
    Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined))
  const base = { sub: 'alice', iss: ISSUER, aud: ISSUER, iat: now(), exp: now() + 300 }
  return sign(
    json(drop({ alg: 'HS256', typ: 'at+jwt', ...header })),
    json(drop({ ...base, ...claims })),
  )
}

/** Every way a token can be shaped that jose and this verifier must judge alike. */
function tokens(): Record<string, string> {
  const good = token()
  const [header, payload, signature] = good.split('.') as [string, string, string]
  return {
    valid: good,
    'extra claims and scope': token({ scope: 'a b', name: 'Alice', jti: 'x' }),
    'claims beyond ASCII': token({ name: 'Zoë 日本 🎉', sub: 'zoë' }),
    'header beyond ASCII': token({}, { kid: 'clé' }),
    'typ in capitals': token({}, { typ: 'AT+JWT' }),
    'typ with application/': token({}, { typ: 'application/at+jwt' }),
    'typ JWT': token({}, { typ: 'JWT' }),
    'typ missing': token({}, { typ: undefined }),
    'typ a number': token({}, { typ: 1 }),
    'alg HS384 over an HS256 signature': token({}, { alg: 'HS384' }),
    'alg hs256': token({}, { alg: 'hs256' }),
    'alg none': token({}, { alg: 'none' }),
    'alg missing': token({}, { alg: undefined }),
    'alg an array': token({}, { alg: ['HS256'] }),
    'crit b64 with b64 true': token({}, { crit: ['b64'], b64: true }),
    'crit b64 twice': token({}, { crit: ['b64', 'b64'], b64: true }),
    'crit b64 with b64 false': token({}, { crit: ['b64'], b64: false }),
    'crit b64 without b64': token({}, { crit: ['b64'] }),
    'crit b64 with b64 "true"': token({}, { crit: ['b64'], b64: 'true' }),
    'crit exp': token({}, { crit: ['exp'] }),
    'crit empty': token({}, { crit: [] }),
    'crit a string': token({}, { crit: 'b64', b64: true }),
    'crit null': token({}, { crit: null }),
    'b64 false without crit': token({}, { b64: false }),
    'embedded jwk, jku, x5u and kid': token(
      {},
      { jwk: { kty: 'oct', k: b64('x') }, jku: 'https://evil.test', x5u: 'https://x', kid: '1' },
    ),
    'header an array': sign(json(['HS256']), payload),
    'header null': sign(json(null), payload),
    'header a string': sign(json('HS256'), payload),
    'header not JSON': sign(b64('{alg:HS256}'), payload),
    'header not UTF-8': sign(b64(Buffer.from([0x7b, 0xff, 0x7d])), payload),
    'payload an array': sign(header, json([1])),
    'payload null': sign(header, json(null)),
    'payload not JSON': sign(header, b64('sub=alice')),
    'payload not UTF-8': sign(header, b64(Buffer.from([0x7b, 0xc3, 0x7d]))),
    'payload empty object': sign(header, json({})),
    'payload with __proto__': sign(
      header,
      b64(
        `{"__proto__":{"admin":true},${atob(payload.replace(/-/g, '+').replace(/_/g, '/')).slice(1)}`,
      ),
    ),
    'exp missing': token({ exp: undefined }),
    'exp a string': token({ exp: String(now() + 300) }),
    'exp null': token({ exp: null }),
    'exp past': token({ exp: now() - 60 }),
    'exp past within the tolerance': token({ exp: now() - 2 }),
    'exp at the tolerance': token({ exp: now() - 5 }),
    'exp beyond the lifetime': token({ exp: now() + 3600 }),
    'exp huge': token({ exp: 1e300 }),
    'exp a fraction': token({ exp: now() + 0.5 + 100 }),
    'nbf future': token({ nbf: now() + 60 }),
    'nbf within the tolerance': token({ nbf: now() + 2 }),
    'nbf a string': token({ nbf: String(now()) }),
    'iat future': token({ iat: now() + 60 }),
    'iat within the tolerance': token({ iat: now() + 2 }),
    'iat missing': token({ iat: undefined }),
    'iat a string': token({ iat: String(now()) }),
    'sub missing': token({ sub: undefined }),
    'sub empty': token({ sub: '' }),
    'sub a number': token({ sub: 1 }),
    'iss wrong': token({ iss: 'https://other.test' }),
    'iss missing': token({ iss: undefined }),
    'iss an array': token({ iss: [ISSUER] }),
    'aud wrong': token({ aud: 'https://other.test' }),
    'aud missing': token({ aud: undefined }),
    'aud an array with ours': token({ aud: ['https://other.test', ISSUER] }),
    'aud an array without ours': token({ aud: ['https://other.test'] }),
    'aud an array with ours and a number': token({ aud: [1, ISSUER] }),
    'aud a number': token({ aud: 1 }),
    'signed with another secret': sign(header, payload, `${SECRET}-other`),
    'payload swapped': `${header}.${json({ sub: 'admin', iss: ISSUER, aud: ISSUER, exp: now() + 300 })}.${signature}`,
    'signature of another token': `${header}.${payload}.${token({ sub: 'bob' }).split('.')[2]}`,
    'signature empty': `${header}.${payload}.`,
    'signature in standard base64': `${header}.${payload}.${signature.replace(/-/g, '+').replace(/_/g, '/')}x`,
    'two segments': `${header}.${payload}`,
    'four segments': `${good}.${signature}`,
    'five segments (JWE)': `${good}.x.y`,
    empty: '',
    garbage: 'abc.def.ghi',
    'spaces around': ` ${good} `,
  }
}

const rulesets: ReadonlyArray<readonly [string, ClaimRules]> = [
  [
    "jwtTokens' rules",
    {
      algorithms: ['HS256'],
      issuer: ISSUER,
      audience: ISSUER,
      typ: 'at+jwt',
      clockTolerance: 5,
      maxLifetime: 900,
    },
  ],
  [
    'lists, no typ, no tolerance',
    {
      algorithms: ['HS256'],
      issuer: ['https://other.test', ISSUER],
      audience: ['https://third.test', ISSUER],
      typ: undefined,
      clockTolerance: 0,
      maxLifetime: 86_400,
    },
  ],
]

describe.each(rulesets)('hmacJwtVerifier under %s', (_, rules) => {
  const verify = hmacJwtVerifier(new TextEncoder().encode(SECRET), rules)
  const key = crypto.subtle.importKey(
    'raw',
    new TextEncoder().encode(SECRET),
    { name: 'HMAC', hash: 'SHA-256' },
    false,
    ['verify'],
  )

  it.each(Object.entries(tokens()))('judges "%s" as jose does', async (_, token) => {
    const expected = await verifyJwt(token, await key, rules, false)
    expect(await verify(token)).toEqual(expected)
  })
})

describe('hmacJwtVerifier', () => {
  const rules = rulesets[0]![1]
  const verify = hmacJwtVerifier(new TextEncoder().encode(SECRET), rules)
  const invalid = { ok: false, reason: 'invalid' }

  it('accepts its own token and returns its claims', async () => {
    const result = await verify(token({ scope: 'a b' }))
    expect(result).toMatchObject({ ok: true, claims: { sub: 'alice', scope: 'a b' } })
  })

  it('refuses a valid signature written non-canonically: padded, or with a stray bit', async () => {
    const [header, payload, signature] = token().split('.') as [string, string, string]
    const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_'
    // SHA-256's 43rd character carries two padding bits: flipping one keeps the same bytes.
    const stray = alphabet[alphabet.indexOf(signature.at(-1)!) ^ 1]
    for (const variant of [`${signature}=`, `${signature.slice(0, -1)}${stray}`]) {
      expect(Buffer.from(variant, 'base64url')).toEqual(Buffer.from(signature, 'base64url'))
      expect(await verify(`${header}.${payload}.${variant}`)).toEqual(invalid)
    }
  })

  it('refuses characters outside unpadded base64url in any segment', async () => {
    const good = token()
    for (const bad of ['=', '+', '/', '~', ' ', 'é', '\n']) {
      for (const at of [good.indexOf('.'), good.lastIndexOf('.'), good.length]) {
        expect(await verify(`${good.slice(0, at)}${bad}${good.slice(at)}`)).toEqual(invalid)
      }
    }
  })

  it('answers invalid, never throws, for garbage, huge and non-string input', async () => {
    const inputs: unknown[] = [
      '.',
      '..',
      '...',
      'a.b.c',
      'e30.e30.',
      `${'a'.repeat(1_000_000)}.${'b'.repeat(1_000_000)}.c`,
      '.'.repeat(100_000),
      undefined,
      null,
      42,
      {},
      ['a', 'b', 'c'],
    ]
    for (const input of inputs) expect(await verify(input as string)).toEqual(invalid)
  })

  it.each([
    ['HS384', 'sha384', 'SHA-384'],
    ['HS512', 'sha512', 'SHA-512'],
  ] as const)('verifies %s tokens under %s, as jose does', async (alg, name, hash) => {
    const secret = new TextEncoder().encode(SECRET)
    const own = { ...rules, algorithms: [alg] }
    const key = await crypto.subtle.importKey('raw', secret, { name: 'HMAC', hash }, false, [
      'verify',
    ])
    const input = `${json({ alg, typ: 'at+jwt' })}.${json({ sub: 'a', iss: ISSUER, aud: ISSUER, exp: now() + 60 })}`
    const good = `${input}.${createHmac(name, SECRET).update(input).digest('base64url')}`
    const result = await hmacJwtVerifier(secret, own)(good)
    expect(result).toMatchObject({ ok: true, claims: { sub: 'a' } })
    expect(result).toEqual(await verifyJwt(good, key, own, false))
    // An HS256 verifier refuses it: the header names another algorithm.
    expect(await verify(good)).toEqual(invalid)
  })

  it('refuses to be made for anything but one HMAC algorithm', () => {
    const secret = new TextEncoder().encode(SECRET)
    for (const algorithms of [['RS256'], ['HS256', 'HS384'], [], ['none']]) {
      expect(() => hmacJwtVerifier(secret, { ...rules, algorithms })).toThrow(
        'hmacJwtVerifier: one of HS256, HS384, HS512 expected',
      )
    }
  })
})

import { exportJWK, exportPKCS8, exportSPKI, generateKeyPair, SignJWT } from 'jose'
import { describe, expect, it } from 'vitest'
import { jwtTokens, type SigningAlgorithm } from './jwt-tokens.ts'

const common = { issuer: 'https://api.test', audience: 'https://api.test' }

describe('jwtTokens', () => {
  it('refuses an HS256 secret shorter than 32 bytes, and missing issuer or audience', () => {
    expect(() => jwtTokens({ ...common, secret: 'x'.repeat(31) })).toThrow(
      'jwtTokens: the HS256 secret must be at least 32 bytes',
    )
    expect(() => jwtTokens({ ...common, secret: new Uint8Array(16) })).toThrow('at least 32 bytes')
    expect(() => jwtTokens({ ...common, issuer: '', secret: 'x'.repeat(32) })).toThrow(
      "'issuer' is required",
    )
    expect(() => jwtTokens({ ...common, audience: '', secret: 'x'.repeat(32) })).toThrow(
      "'audience' is required",
    )
    expect(() => jwtTokens({ ...common, secret: 'x'.repeat(32), expiresIn: 0 })).toThrow(
      "'expiresIn' must be positive",
    )
  })

  it('issues and verifies its own HS256 tokens', async () => {
    const tokens = jwtTokens({ ...common, secret: 'x'.repeat(32) })
    const { token, scope, expiresIn } = await tokens.issue({
      subject: 'alice',
      scopes: ['a', 'b'],
      claims: { name: 'Alice', sub: 'mallory', exp: 1 },
    })
    expect([scope, expiresIn]).toEqual(['a b', 900])
    expect(await tokens.verify(token)).toMatchObject({ sub: 'alice', scope: 'a b', name: 'Alice' })
  })

  it.each<SigningAlgorithm>(['RS256', 'PS256', 'ES256', 'EdDSA'])(
    'signs and verifies with %s key pairs given as PEM, JWK or CryptoKey',
    async (algorithm) => {
      const pair = await generateKeyPair(algorithm, { extractable: true })
      const inputs = [
        {
          privateKey: await exportPKCS8(pair.privateKey),
          publicKey: await exportSPKI(pair.publicKey),
        },
        {
          privateKey: await exportJWK(pair.privateKey),
          publicKey: await exportJWK(pair.publicKey),
        },
        { privateKey: pair.privateKey, publicKey: pair.publicKey },
      ]
      for (const keys of inputs) {
        const tokens = jwtTokens({ ...common, keys: { algorithm, ...keys } })
        const { token } = await tokens.issue({ subject: 's' })
        expect(await tokens.verify(token)).toMatchObject({ sub: 's' })
      }
    },
  )

  it('refuses an HS256 token signed with the server RSA public key (algorithm confusion)', async () => {
    const pair = await generateKeyPair('RS256', { extractable: true })
    const publicPem = await exportSPKI(pair.publicKey)
    const tokens = jwtTokens({
      ...common,
      keys: { algorithm: 'RS256', privateKey: pair.privateKey, publicKey: publicPem },
    })
    const forged = await new SignJWT({ sub: 'admin', scope: 'admin' })
      .setProtectedHeader({ alg: 'HS256', typ: 'at+jwt' })
      .setIssuer(common.issuer)
      .setAudience(common.audience)
      .setIssuedAt()
      .setExpirationTime('5m')
      .sign(new TextEncoder().encode(publicPem))
    expect(await tokens.verify(forged)).toBeUndefined()
  })

  it('refuses a private key where the public one belongs, at creation', async () => {
    const pair = await generateKeyPair('ES256')
    expect(() =>
      jwtTokens({ ...common, keys: { algorithm: 'ES256', publicKey: pair.privateKey } }),
    ).toThrow("'keys.publicKey' must be a public key, got a private one")
  })

  it('verifies only, without a private key', async () => {
    const pair = await generateKeyPair('ES256')
    const tokens = jwtTokens({ ...common, keys: { algorithm: 'ES256', publicKey: pair.publicKey } })
    await expect(tokens.issue({ subject: 's' })).rejects.toThrow('these tokens verify only')
  })
})

describe('jwtTokens accepting what an existing deployment issued', () => {
  const secret = 'a-shared-secret-of-at-least-32-bytes!!'
  const key = new TextEncoder().encode(secret)
  const now = () => Math.floor(Date.now() / 1000)
  /** A token as python-jose / PyJWT tutorials make them: HS256, `sub` and maybe `exp`, no more. */
  const plain = (claims: Record<string, unknown>) =>
    new SignJWT(claims).setProtectedHeader({ alg: 'HS256' }).sign(key)

  it('refuses a plain HS256 token by default: no iss, aud or typ', async () => {
    const strict = jwtTokens({ ...common, secret })
    expect(await strict.verify(await plain({ sub: 'alice', exp: now() + 60 }))).toBeUndefined()
  })

  it('accepts sub and exp alone with issuer, audience and typ set to false', async () => {
    const legacy = jwtTokens({ secret, issuer: false, audience: false, typ: false })
    const token = await plain({ sub: 'alice', exp: now() + 60 })
    expect(await legacy.verify(token)).toMatchObject({ sub: 'alice' })
    // Its own tokens carry none of them either, and still verify.
    const issued = await legacy.issue({ subject: 'bob' })
    const header = JSON.parse(atob(issued.token.split('.')[0]!))
    expect(header).toEqual({ alg: 'HS256' })
    expect(await legacy.verify(issued.token)).not.toHaveProperty('iss')
    // Expired, or another secret, are still refused.
    expect(await legacy.verify(await plain({ sub: 'alice', exp: now() - 60 }))).toBeUndefined()
  })

  it('accepts longer-lived tokens up to maxLifetime, and no exp only when told it is unsafe', async () => {
    const day = jwtTokens({ secret, issuer: false, audience: false, typ: false })
    const long = await plain({ sub: 'alice', exp: now() + 7 * 24 * 3600 })
    expect(await day.verify(long)).toBeUndefined() // beyond the default 900 s
    const week = jwtTokens({
      secret,
      issuer: false,
      audience: false,
      typ: false,
      maxLifetime: 7 * 24 * 3600,
    })
    expect(await week.verify(long)).toMatchObject({ sub: 'alice' })
    const forever = await plain({ sub: 'alice' })
    expect(await week.verify(forever)).toBeUndefined()
    const unsafe = jwtTokens({
      secret,
      issuer: false,
      audience: false,
      typ: false,
      unsafeAcceptTokensWithoutExpiry: true,
    })
    expect(await unsafe.verify(forever)).toMatchObject({ sub: 'alice' })
    expect(await unsafe.verify(await plain({ exp: now() + 60 }))).toBeUndefined() // sub still needed
  })

  it('does the same through jose for key pairs', async () => {
    const pair = await generateKeyPair('ES256')
    const tokens = jwtTokens({
      issuer: false,
      audience: false,
      typ: false,
      unsafeAcceptTokensWithoutExpiry: true,
      keys: { algorithm: 'ES256', publicKey: pair.publicKey },
    })
    const bare = await new SignJWT({ sub: 'alice' })
      .setProtectedHeader({ alg: 'ES256' })
      .sign(pair.privateKey)
    expect(await tokens.verify(bare)).toMatchObject({ sub: 'alice' })
  })

  it('needs false said explicitly, and maxLifetime at least expiresIn', () => {
    expect(() => jwtTokens({ ...common, issuer: '', secret })).toThrow(/false, explicitly/)
    expect(() => jwtTokens({ ...common, secret, typ: '' })).toThrow(/'typ'/)
    expect(() => jwtTokens({ ...common, secret, expiresIn: 600, maxLifetime: 60 })).toThrow(
      /maxLifetime/,
    )
  })
})

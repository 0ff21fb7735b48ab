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

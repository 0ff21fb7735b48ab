import { describe, expect, it } from 'vitest'
import { timingSafeEqual } from './internal/constant-time.ts'
import { DEFAULT_ITERATIONS, dummyVerify, hashPassword, verifyPassword } from './password-hash.ts'

const FAST = { iterations: 1_000 }

describe('password hashing', () => {
  it('stores pbkdf2-sha256$iterations$salt$hash with a fresh salt each time', async () => {
    const first = await hashPassword('secret', FAST)
    const second = await hashPassword('secret', FAST)
    expect(first).toMatch(/^pbkdf2-sha256\$1000\$[A-Za-z0-9_-]{22}\$[A-Za-z0-9_-]{43}$/)
    expect(first).not.toBe(second)
    expect(DEFAULT_ITERATIONS).toBe(600_000)
  })

  it('verifies the right password only, including non-ASCII ones', async () => {
    const stored = await hashPassword('pässwörd', FAST)
    expect(await verifyPassword('pässwörd', stored)).toBe(true)
    expect(await verifyPassword('passwörd', stored)).toBe(false)
    expect(await verifyPassword('', stored)).toBe(false)
  })

  it('throws on a malformed or absurd stored hash instead of answering false', async () => {
    await expect(verifyPassword('x', 'plaintext')).rejects.toThrow(TypeError)
    await expect(verifyPassword('x', 'pbkdf2-sha256$99999999$AAAAAAAAAAA$AAAA')).rejects.toThrow(
      'iterations must be an integer between 1000 and 10000000',
    )
    await expect(hashPassword('x', { iterations: 10 })).rejects.toThrow('iterations')
  })

  it('does the same work for an unknown user and answers false', async () => {
    expect(await dummyVerify(FAST)).toBe(false)
  })

  it('compares bytes without stopping at the first difference or a length mismatch', () => {
    expect(timingSafeEqual(new Uint8Array([1, 2]), new Uint8Array([1, 2]))).toBe(true)
    expect(timingSafeEqual(new Uint8Array([1, 2]), new Uint8Array([1, 3]))).toBe(false)
    expect(timingSafeEqual(new Uint8Array([1, 2]), new Uint8Array([1, 2, 0]))).toBe(false)
    expect(timingSafeEqual(new Uint8Array([]), new Uint8Array([0]))).toBe(false)
  })
})

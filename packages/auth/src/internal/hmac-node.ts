/**
 * HMAC signature checks with `node:crypto`: the `#hmac` variant for Node, Bun and Deno. It answers
 * synchronously, where WebCrypto (`hmac-web.ts`) would queue every check on a thread pool.
 * Self-contained (no imports from the core) so that its own tsconfig can compile it with Node types.
 */
import { createHmac, createSecretKey, timingSafeEqual } from 'node:crypto'

const HASHES = { 'SHA-256': 'sha256', 'SHA-384': 'sha384', 'SHA-512': 'sha512' } as const

/**
 * A checker of base64url HMAC signatures under `secret`: true when `signature` is exactly the
 * unpadded base64url HMAC of `input`'s UTF-8 bytes. Only the canonical encoding matches.
 */
export function hmacVerifier(
  hash: keyof typeof HASHES,
  secret: Uint8Array,
): (input: string, signature: string) => boolean {
  const key = createSecretKey(secret)
  const algorithm = HASHES[hash]
  return (input, signature) => {
    const expected = Buffer.from(createHmac(algorithm, key).update(input).digest('base64url'))
    const actual = Buffer.from(signature)
    // The length of an HMAC is public; only equal lengths reach the constant-time comparison.
    return actual.length === expected.length && timingSafeEqual(actual, expected)
  }
}

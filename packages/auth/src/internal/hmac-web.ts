/**
 * HMAC signature checks with WebCrypto: the `#hmac` variant for runtimes without `node:crypto`
 * (workerd, browsers). Node, Bun and Deno load `hmac-node.ts` instead, which answers synchronously.
 */
import { base64url } from 'jose'
import { timingSafeEqual } from './constant-time.ts'

/** The hash under an HS256, HS384 or HS512 signature. */
export type HmacHash = 'SHA-256' | 'SHA-384' | 'SHA-512'

/** True when `signature` is exactly the unpadded base64url HMAC of `input`'s UTF-8 bytes. */
export type HmacCheck = (input: string, signature: string) => boolean | Promise<boolean>

const encoder = new TextEncoder()

/**
 * A checker of base64url HMAC signatures under `secret`. Only the canonical encoding matches (no
 * padding, no stray bits), the same verdict as the Node variant's.
 */
export function hmacVerifier(hash: HmacHash, secret: Uint8Array): HmacCheck {
  const bytes = secret.slice()
  // Imported on first use: Workers allow no crypto at global scope, where apps create their auth.
  let key: Promise<CryptoKey> | undefined
  return async (input, signature) => {
    key ??= crypto.subtle.importKey('raw', bytes, { name: 'HMAC', hash }, false, ['sign'])
    const mac = await crypto.subtle.sign('HMAC', await key, encoder.encode(input))
    const expected = base64url.encode(new Uint8Array(mac))
    return timingSafeEqual(encoder.encode(expected), encoder.encode(signature))
  }
}

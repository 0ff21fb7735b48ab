/** Prints which `#hmac` variant this runtime resolves: run by `hmac-variant.test.ts` under Bun and Deno. */
import { hmacVerifier } from '#hmac'

const verdict = hmacVerifier('SHA-256', new Uint8Array(32))('input', 'signature')
console.log(verdict instanceof Promise ? 'WebCrypto' : 'node:crypto')

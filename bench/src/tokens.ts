/**
 * S4's bearer tokens, signed once at load with WebCrypto so every runtime (the HTTP client on Node,
 * the in-process entries on Bun and Deno) builds the same ones without sharing code with the peers.
 */
import { jwtIssuer, jwtSecret } from './peers/shared.ts'

const encoder = new TextEncoder()

function base64url(bytes: Uint8Array): string {
  let binary = ''
  for (const byte of bytes) binary += String.fromCharCode(byte)
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '')
}

async function hs256(unsigned: string, secret: string): Promise<string> {
  const key = await crypto.subtle.importKey(
    'raw',
    encoder.encode(secret),
    { name: 'HMAC', hash: 'SHA-256' },
    false,
    ['sign'],
  )
  return base64url(new Uint8Array(await crypto.subtle.sign('HMAC', key, encoder.encode(unsigned))))
}

const json = (value: object) => base64url(encoder.encode(JSON.stringify(value)))

/** A compact JWS of `header` and `claims`, HMAC-SHA-256 signed with `secret`. */
export async function signHs256Jwt(
  header: Record<string, unknown>,
  claims: Record<string, unknown>,
  secret: string,
): Promise<string> {
  const unsigned = `${json(header)}.${json(claims)}`
  return `${unsigned}.${await hs256(unsigned, secret)}`
}
// Valid for an hour from load: long enough for any run, short enough for Brisk's lifetime cap.
const now = Math.floor(Date.now() / 1000)
const unsigned = `${json({ alg: 'HS256', typ: 'JWT' })}.${json({
  sub: 'user42',
  scope: 'items:read items:write',
  iss: jwtIssuer,
  aud: jwtIssuer,
  iat: now,
  exp: now + 3600,
})}`

/** An HS256 JWT for `user42`, scopes `items:read items:write`, signed with the peers' secret. */
export const benchToken = `${unsigned}.${await hs256(unsigned, jwtSecret)}`

/** The same claims signed with another secret: every peer must answer 401. */
export const forgedToken = `${unsigned}.${await hs256(unsigned, 'wrong')}`

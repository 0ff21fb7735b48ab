/**
 * What the auth cases share: tokens forged with jose against the fixture's constants, and the
 * exact shape of a refusal (status, challenge, `no-store`, a fixed JSON detail).
 */
import { base64url, importPKCS8, SignJWT } from 'jose'
import { expect } from 'vitest'
import { AUTH_AUDIENCE, AUTH_ISSUER, AUTH_SECRET } from '../fixture/auth-config.ts'
import type { Target } from '../target.ts'
import { call, expectJson } from './http.ts'

export const NOT_AUTHENTICATED = 'Not authenticated'
export const INVALID = 'Invalid authentication credentials'
export const FORBIDDEN = 'Not enough permissions'
export const BEARER = 'Bearer'
export const INVALID_TOKEN = 'Bearer error="invalid_token"'
export const API_KEY = 'ApiKey'
export const BASIC = 'Basic realm="conformance", charset="UTF-8"'

/** The private half of the fixture's RS256 key; the fixture only has the public one. */
const RS256_PRIVATE_KEY = `-----BEGIN PRIVATE KEY-----
MIIEvQIBADANBgkqhkiG9w0BAQEFAASCBKcwggSjAgEAAoIBAQDD2+NTXbg/3DWi
SMCxjDlxqqEMQuObPiyLZit/sD4h29IJGMuMxXsegNn92E4z/me8GAGbEIugArt8
nsx9OK2w+U+QR1yavJgugy8Nc+srrEQ/4IpFFwOE6NIT/aFEhfK/Ozzy4ne+rt/O
6PfHNK+Hxc3Yrf6omLdViloptMae/qEqw0fjws4s2gkH1A/XK3HEO3CXo+SdJ0m5
FVbTStCCkCvikUHoPnjdHzD6H1pwpNPkFLet95jA/4ejiSN6H6ndojBtDJBCNKE0
PT2L8wArC0XlLHf0ASUrgCY5Ue3bu+MgY54HzhI8aXSSeEz2eNnfsD11ZgUDas32
6Va+tFZ1AgMBAAECggEAKopHgVNxUfmH8rQfmlCtJ2maqjmbCxyBe1OZLhY/IIaI
w64NhAlemPz+nBqPvc5LhLioHKCG2x3M0CADpU0auL4l0F4XmIpO+YdHwIHFegpk
FoW0MpZxjrws6OelT+dSFsQMlGqo/JMqDFxgePWSDIjjkWUVU1Q8OcmflMBthZnC
AvvKRDaeAUp+vnrH2B0kCZnfnWNuXsXsok/RttR3M3XFS82v14lM5YRHWcCU3VSR
RYEEmOMT8T4hSND4o9JEkj1E9aShBMDl6xUxJDcyb2Su1ibu/HFW4lk+9IERpjYI
GIXsG176SONwu0dSRiqanczKj7s+3CJ8J9eQtnMwUQKBgQD1lnVpAwnEBxPd/my2
6I3fuEg5mAyP7e2CfSXOmEPWeq7GcmzlWTVhSi9oo1Qzd1CM3xeCp/VAHBcpj7s9
+ciEDaknrf/GwUXt4d9XqOee3Ew/0Xna2kwE0TYkCN13b6MdIrALWm3p44v3X+1s
Vep8eSWu+jtUjAltBihrDXJxHQKBgQDMKa/RjR/DVdi6OsVIkXAvF30bXpoviKux
jv9wXxnS6CpT4kWV04beIoWDw4B/IF2gpNImhUzVAER7xUwl9h9VtsLsnsHaFmKJ
Dv62DMMpJkLRnoPXsjEoz54STs/yZKgtE7kea5rY3f3ARD9L97zwhjarpH1Tiu6r
ISejVOQTOQKBgQCgUU3n9WHEo9ImUtZpOLqU1tnfLxDUTD+FtWieyutN8dxyE3Re
67NbBXCZYDWxOyxMKb5RPo9tAGlmajuTI6HwAnLwQjf8aWLa/V4s/Ufmfm0QJBDl
+ycw5dnwABGCzE+wz1oYrzmdOzu9itOUqyldhEBDT3q3oIrurtxntemFSQKBgARG
90z/lOPFv6WfJ5TunxgNeOyC3d4TEe3FXiqfg238uS5KtkR+SvwKYxuwk9eV+QAt
k82Ey2hG+ihRqNe+wUdNbeYBKXSFNYlDjCiKOeh5ybqUhJSXQhplxx0BE7AzVaak
HCO8A2F5vSAzDdRsm0O6vBh6eLmwVnG1Xxw34hNZAoGAP0JW8EafR02iGxSOxWoo
XQuimO6e1aQKOkgZAf1d0kUSJWPOpjGP3seEd1tInxl21zCbhQOO6W16YW4okGHQ
tIyx6rxjlUx//zTEkgChqz88A5tyeEzTTu3xuMIzJY5z/U7C2tISrmUVk11gVT8Z
iH1bA/fFwagrqCvumFAC0hk=
-----END PRIVATE KEY-----`

export const now = () => Math.floor(Date.now() / 1000)

type Claims = Record<string, unknown>

/** Valid claims for the fixture, with overrides; an override of `undefined` removes the claim. */
function claims(overrides: Claims): Claims {
  const payload: Claims = {
    sub: 'carol',
    iss: AUTH_ISSUER,
    aud: AUTH_AUDIENCE,
    iat: now(),
    exp: now() + 300,
    ...overrides,
  }
  for (const [name, value] of Object.entries(payload)) {
    if (value === undefined) delete payload[name]
  }
  return payload
}

/** An HS256 token (`typ: at+jwt`), signed with the fixture's secret unless told otherwise. */
export function forge(
  overrides: Claims = {},
  header: Record<string, unknown> = {},
  secret: string = AUTH_SECRET,
): Promise<string> {
  return new SignJWT(claims(overrides))
    .setProtectedHeader({ alg: 'HS256', typ: 'at+jwt', ...header })
    .sign(new TextEncoder().encode(secret))
}

/** An RS256 token signed with the fixture's RSA key pair. */
export async function forgeRs256(overrides: Claims = {}): Promise<string> {
  const key = await importPKCS8(RS256_PRIVATE_KEY, 'RS256')
  return new SignJWT(claims(overrides))
    .setProtectedHeader({ alg: 'RS256', typ: 'at+jwt' })
    .sign(key)
}

/** A token with any header and an empty signature (`alg: none` and friends). */
export function unsigned(header: Record<string, unknown>, overrides: Claims = {}): string {
  const encode = (value: unknown) => base64url.encode(JSON.stringify(value))
  return `${encode(header)}.${encode(claims(overrides))}.`
}

/** `Basic` credentials: base64 of the UTF-8 bytes of `text`. */
export function basic(text: string): string {
  return `Basic ${btoa(String.fromCharCode(...new TextEncoder().encode(text)))}`
}

/** GET `path` with these headers. */
export function get(target: Target, path: string, headers: HeadersInit = {}): Promise<Response> {
  return call(target, path, { headers })
}

/** Asserts a refusal: status, exact challenge (or none), `no-store`, `{"detail": detail}`. */
export async function expectRefused(
  response: Response,
  status: number,
  challenge: string | null,
  detail: string,
): Promise<void> {
  expect(response.headers.get('www-authenticate'), 'WWW-Authenticate').toBe(challenge)
  expect(response.headers.get('cache-control'), 'Cache-Control').toBe('no-store')
  await expectJson(response, status, { detail })
}

/**
 * Bearer JWT cases (`bearerJwt` over the fixture's own HS256 tokens at `/auth/bearer`, and a
 * verify-only RS256 scheme at `/auth/rs256`): the bad tokens, each refused exactly.
 */
import { expect } from 'vitest'
import { RS256_PUBLIC_KEY } from '../fixture/auth-config.ts'
import type { Case } from '../target.ts'
import {
  BEARER,
  expectRefused,
  forge,
  forgeRs256,
  get,
  INVALID,
  INVALID_TOKEN,
  NOT_AUTHENTICATED,
  now,
  unsigned,
} from './auth-support.ts'
import { expectJson } from './http.ts'
import { rawHttp } from './node-raw-http.ts'

type Authorization = () => string | Promise<string>

/** A case: this Authorization header on `path` gets a 401 with the invalid_token challenge. */
function invalidToken(name: string, authorization: Authorization, path = '/auth/bearer'): Case {
  return {
    name: `bearer: ${name} is 401 invalid_token`,
    run: async (target) => {
      const response = await get(target, path, { authorization: await authorization() })
      await expectRefused(response, 401, INVALID_TOKEN, INVALID)
    },
  }
}

/** A case: this Authorization header carries no bearer credentials: 401 with a bare challenge. */
function noBearer(name: string, authorization: Authorization | undefined): Case {
  return {
    name: `bearer: ${name} is 401 Not authenticated`,
    run: async (target) => {
      const headers: HeadersInit = authorization ? { authorization: await authorization() } : {}
      const response = await get(target, '/auth/bearer', headers)
      await expectRefused(response, 401, BEARER, NOT_AUTHENTICATED)
    },
  }
}

const bearer = (claims: Record<string, unknown>) => async () => `Bearer ${await forge(claims)}`

export const authBearerCases: Case[] = [
  {
    name: 'bearer: a valid token yields its subject and scopes',
    run: async (target) => {
      const token = await forge({ scope: 'read write' })
      const response = await get(target, '/auth/bearer', { authorization: `Bearer ${token}` })
      expect(response.headers.get('www-authenticate')).toBeNull()
      await expectJson(response, 200, { subject: 'carol', scopes: ['read', 'write'] })
    },
  },
  {
    name: 'bearer: the scheme name is case-insensitive',
    run: async (target) => {
      const response = await get(target, '/auth/bearer', {
        authorization: `bEaReR ${await forge()}`,
      })
      await expectJson(response, 200, { subject: 'carol', scopes: [] })
    },
  },
  noBearer('no Authorization header', undefined),
  noBearer('"Bearer" with no token', () => 'Bearer'),
  noBearer('a JWT under the Basic scheme', async () => `Basic ${await forge()}`),
  noBearer('a JWT under the Token scheme', async () => `Token ${await forge()}`),
  invalidToken('alg "none"', () => `Bearer ${unsigned({ alg: 'none', typ: 'at+jwt' })}`),
  invalidToken('alg "None"', () => `Bearer ${unsigned({ alg: 'None', typ: 'at+jwt' })}`),
  invalidToken(
    'HS256 signed with another secret',
    async () => `Bearer ${await forge({}, {}, 'another-secret-of-at-least-32-bytes!!')}`,
  ),
  invalidToken('an expired token', bearer({ iat: now() - 600, exp: now() - 60 })),
  invalidToken('a token not yet valid (nbf ahead)', bearer({ nbf: now() + 60 })),
  invalidToken('a token issued in the future (iat ahead)', bearer({ iat: now() + 60 })),
  invalidToken('exp as a string', bearer({ exp: String(now() + 300) })),
  invalidToken('exp null', bearer({ exp: null })),
  invalidToken('a huge exp', bearer({ exp: 1e15 })),
  invalidToken('a missing exp', bearer({ exp: undefined })),
  invalidToken('a wrong aud', bearer({ aud: 'https://elsewhere.test' })),
  invalidToken('a missing aud', bearer({ aud: undefined })),
  invalidToken('a wrong iss', bearer({ iss: 'https://evil.test' })),
  invalidToken('a missing iss', bearer({ iss: undefined })),
  invalidToken('a missing sub', bearer({ sub: undefined })),
  invalidToken('typ other than at+jwt', async () => `Bearer ${await forge({}, { typ: 'JWT' })}`),
  invalidToken('not a JWT', () => 'Bearer abc.def.ghi'),
  invalidToken('a 10 KB token', () => `Bearer ${'a'.repeat(10_240)}`),
  {
    // fetch's Headers joins repeated fields with ", ": this is how every runtime's app sees them.
    name: 'bearer: two Authorization headers (joined by fetch) are 401 invalid_token',
    run: async (target) => {
      const [first, second] = await Promise.all([forge(), forge({ sub: 'dave' })])
      const headers = new Headers()
      headers.append('authorization', `Bearer ${first}`)
      headers.append('authorization', `Bearer ${second}`)
      const response = await get(target, '/auth/bearer', headers)
      await expectRefused(response, 401, INVALID_TOKEN, INVALID)
    },
  },
  {
    name: 'bearer: two Authorization header lines over raw TCP are 401 invalid_token',
    needs: ['rawHttp'],
    run: async (target) => {
      const [first, second] = await Promise.all([forge(), forge({ sub: 'dave' })])
      const response = await rawHttp(
        target.baseUrl!,
        [
          'GET /auth/bearer HTTP/1.1',
          'Host: brisk.test',
          `Authorization: Bearer ${first}`,
          `Authorization: Bearer ${second}`,
          'Connection: close',
        ].join('\r\n'),
      )
      expect(response.status, response.body).toBe(401)
      expect(response.headers['www-authenticate']).toBe(INVALID_TOKEN)
      expect(JSON.parse(response.body)).toEqual({ detail: INVALID })
    },
  },
  {
    name: 'bearer (RS256): a token signed with the private key is accepted',
    run: async (target) => {
      const token = await forgeRs256({ scope: 'read' })
      const response = await get(target, '/auth/rs256', { authorization: `Bearer ${token}` })
      await expectJson(response, 200, { subject: 'carol', scopes: ['read'] })
    },
  },
  invalidToken(
    'HS256 signed with the RS256 verifier’s public key',
    async () => `Bearer ${await forge({}, {}, RS256_PUBLIC_KEY)}`,
    '/auth/rs256',
  ),
  invalidToken(
    'alg "none" sent to the RS256 verifier',
    () => `Bearer ${unsigned({ alg: 'none', typ: 'at+jwt' })}`,
    '/auth/rs256',
  ),
]

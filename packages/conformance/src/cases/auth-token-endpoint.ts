/**
 * The OAuth2 password token endpoint at `/auth/token`: issued tokens (claims, least privilege),
 * RFC 6749 §5.2 error bodies, and `Cache-Control: no-store` on every answer.
 */
import { decodeJwt, decodeProtectedHeader } from 'jose'
import { expect } from 'vitest'
import { AUTH_AUDIENCE, AUTH_EXPIRES_IN, AUTH_ISSUER } from '../fixture/auth-config.ts'
import type { Case } from '../target.ts'
import { expectRefused, FORBIDDEN, get } from './auth-support.ts'
import { call, expectJson } from './http.ts'

const form = (fields: Record<string, string> | string): RequestInit => ({
  method: 'POST',
  headers: { 'content-type': 'application/x-www-form-urlencoded' },
  body: typeof fields === 'string' ? fields : new URLSearchParams(fields).toString(),
})

const password = (username: string, secret: string, scope?: string) =>
  form({
    grant_type: 'password',
    username,
    password: secret,
    ...(scope === undefined ? {} : { scope }),
  })

/** Asserts a token response with the granted scope; returns the access token. */
async function expectToken(response: Response, scope: string): Promise<string> {
  expect(response.headers.get('cache-control')).toBe('no-store')
  expect(response.headers.get('pragma')).toBe('no-cache')
  const jwt = expect.stringMatching(/^[\w-]+\.[\w-]+\.[\w-]+$/)
  await expectJson(response.clone(), 200, {
    access_token: jwt,
    token_type: 'Bearer',
    expires_in: AUTH_EXPIRES_IN,
    scope,
  })
  return ((await response.json()) as { access_token: string }).access_token
}

/** A case: this request gets a 400 with exactly this RFC 6749 §5.2 error code. */
function oauthError(name: string, init: RequestInit, error: string, description: string): Case {
  return {
    name: `token endpoint: ${name} is 400 ${error}`,
    run: async (target) => {
      const response = await call(target, '/auth/token', init)
      expect(response.headers.get('cache-control')).toBe('no-store')
      expect(response.headers.get('www-authenticate')).toBeNull()
      await expectJson(response, 400, { error, error_description: description })
    },
  }
}

const BAD_CREDENTIALS = 'Incorrect username or password'

export const authTokenEndpointCases: Case[] = [
  {
    name: 'token endpoint: issues a JWT with sub, scope, iat, exp, iss, aud, jti and typ at+jwt',
    run: async (target) => {
      const response = await call(target, '/auth/token', password('alice', 'wonderland', 'read'))
      const token = await expectToken(response, 'read')
      expect(decodeProtectedHeader(token)).toEqual({ alg: 'HS256', typ: 'at+jwt' })
      const claims = decodeJwt(token)
      expect(claims).toEqual({
        sub: 'alice',
        scope: 'read',
        iss: AUTH_ISSUER,
        aud: AUTH_AUDIENCE,
        iat: expect.any(Number),
        exp: expect.any(Number),
        jti: expect.stringMatching(/^[0-9a-f-]{36}$/),
      })
      expect(claims.exp! - claims.iat!).toBe(AUTH_EXPIRES_IN)
    },
  },
  {
    name: 'token endpoint: an issued token with the scope opens the scoped route',
    run: async (target) => {
      const issued = await call(target, '/auth/token', password('alice', 'wonderland', 'admin'))
      const token = await expectToken(issued, 'admin')
      const response = await get(target, '/auth/admin', { authorization: `Bearer ${token}` })
      await expectJson(response, 200, { subject: 'alice', scopes: ['admin'] })
    },
  },
  {
    name: 'token endpoint: grants only the requested scopes the user is allowed',
    run: async (target) => {
      const issued = await call(target, '/auth/token', password('bob', 'builder', 'read admin'))
      const token = await expectToken(issued, 'read')
      const response = await get(target, '/auth/admin', { authorization: `Bearer ${token}` })
      await expectRefused(
        response,
        403,
        'Bearer error="insufficient_scope", scope="admin"',
        FORBIDDEN,
      )
    },
  },
  {
    name: 'token endpoint: no scope requested grants none',
    run: async (target) => {
      const response = await call(target, '/auth/token', password('alice', 'wonderland'))
      await expectToken(response, '')
    },
  },
  oauthError(
    'a wrong password',
    password('alice', 'looking-glass'),
    'invalid_grant',
    BAD_CREDENTIALS,
  ),
  oauthError(
    'an unknown user',
    password('mallory', 'wonderland'),
    'invalid_grant',
    BAD_CREDENTIALS,
  ),
  oauthError(
    'another grant type',
    form({ grant_type: 'client_credentials', username: 'alice', password: 'wonderland' }),
    'unsupported_grant_type',
    "Only the 'password' grant type is supported",
  ),
  oauthError(
    'a missing grant_type',
    form({ username: 'alice', password: 'wonderland' }),
    'invalid_request',
    "Missing 'grant_type'",
  ),
  oauthError(
    'a missing password',
    form({ grant_type: 'password', username: 'alice' }),
    'invalid_request',
    "Missing 'username' or 'password'",
  ),
  oauthError(
    'a repeated parameter',
    form('grant_type=password&username=alice&username=bob&password=wonderland'),
    'invalid_request',
    "Parameter 'username' is repeated",
  ),
  oauthError(
    'a JSON body',
    {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ grant_type: 'password', username: 'alice', password: 'wonderland' }),
    },
    'invalid_request',
    'Expected an application/x-www-form-urlencoded body',
  ),
  oauthError(
    'a scope that is not declared',
    password('alice', 'wonderland', 'read superuser'),
    'invalid_scope',
    'Unknown scope requested',
  ),
]

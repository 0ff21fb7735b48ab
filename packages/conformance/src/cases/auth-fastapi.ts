/**
 * FastAPI's "OAuth2 scopes" tutorial at `/auth/fastapi`: a user check reading the scopes required
 * along each route's chain (`securityScopes`, `withScopes`), and a token route whose user check
 * uses a connection dependency, torn down after each answer, with login throttling still on.
 */
import { expect } from 'vitest'
import type { Case } from '../target.ts'
import { forge, get } from './auth-support.ts'
import { expectSettled, traced } from './di-trace.ts'
import { call, expectJson } from './http.ts'

const bearer = async (scope: string, secret?: string) => ({
  authorization: `Bearer ${await forge({ sub: 'johndoe', scope }, {}, secret)}`,
})

/** Asserts the user check's own 401: exact challenge and detail. */
async function expectChallenge(response: Response, challenge: string, detail: string) {
  expect(response.headers.get('www-authenticate'), 'WWW-Authenticate').toBe(challenge)
  await expectJson(response, 401, { detail })
}

const login = (headers: Record<string, string>, username: string, password: string) => ({
  method: 'POST',
  headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers },
  body: new URLSearchParams({ grant_type: 'password', username, password, scope: 'me items' }),
})

export const authFastapiCases: Case[] = [
  {
    name: 'security scopes: each dependency sees the scopes required along its chain, outer first',
    run: async (target) => {
      const all = await bearer('me items')
      await expectJson(await get(target, '/auth/fastapi/users/me', all), 200, {
        username: 'johndoe',
        required: ['me'],
      })
      await expectJson(await get(target, '/auth/fastapi/users/me/items', all), 200, {
        owner: 'johndoe',
        required: ['items', 'me'],
      })
      await expectJson(await get(target, '/auth/fastapi/status', await bearer('')), 200, {
        username: 'johndoe',
        required: [],
      })
    },
  },
  {
    name: 'security scopes: a missing scope is 401 with WWW-Authenticate: Bearer scope="items me"',
    run: async (target) => {
      const response = await get(target, '/auth/fastapi/users/me/items', await bearer('me'))
      await expectChallenge(response, 'Bearer scope="items me"', 'Not enough permissions')
    },
  },
  {
    name: 'security scopes: an invalid token is 401 naming the scopes required, or plain Bearer',
    run: async (target) => {
      const forged = await bearer('me items', 'another-secret-of-32-bytes-at-least!!')
      const scoped = await get(target, '/auth/fastapi/users/me', forged)
      await expectChallenge(scoped, 'Bearer scope="me"', 'Could not validate credentials')
      const plain = await get(target, '/auth/fastapi/status', forged)
      await expectChallenge(plain, 'Bearer', 'Could not validate credentials')
      const none = await get(target, '/auth/fastapi/users/me/items')
      await expectChallenge(none, 'Bearer', 'Not authenticated')
    },
  },
  {
    name: 'token route with dependencies: the user check uses a connection, torn down after the answer',
    run: async (target) => {
      const { id, headers } = traced()
      const issued = await call(target, '/auth/fastapi/token', login(headers, 'johndoe', 'secret'))
      expect(issued.status).toBe(200)
      const { access_token, scope } = (await issued.json()) as {
        access_token: string
        scope: string
      }
      expect(scope).toBe('me items')
      await expectSettled(target, id, ['open:connection', 'lookup:johndoe', 'close:connection'])
      const items = await get(target, '/auth/fastapi/users/me/items', {
        authorization: `Bearer ${access_token}`,
      })
      await expectJson(items, 200, { owner: 'johndoe', required: ['items', 'me'] })
    },
  },
  {
    name: 'token route with dependencies: the 6th failed login is 429 without the user check, torn down',
    run: async (target) => {
      const { id, headers } = traced()
      const username = `guess-${id}`
      for (let attempt = 0; attempt < 5; attempt++) {
        const refused = await call(target, '/auth/fastapi/token', login(headers, username, 'x'))
        await expectJson(refused, 400, {
          error: 'invalid_grant',
          error_description: 'Incorrect username or password',
        })
      }
      const throttled = await call(target, '/auth/fastapi/token', login(headers, username, 'x'))
      expect(throttled.headers.get('retry-after')).toBe('900')
      await expectJson(throttled, 429, { detail: 'Too many failed logins: try again later' })
      const attempt = ['open:connection', `lookup:${username}`, 'close:connection']
      const events = [...Array.from({ length: 5 }, () => attempt).flat()]
      await expectSettled(target, id, [...events, 'open:connection', 'close:connection'], 6)
    },
  },
]

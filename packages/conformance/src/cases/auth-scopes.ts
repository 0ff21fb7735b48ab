/**
 * OAuth2 cases on the protected app: its default security (any valid token), a `public` route,
 * scope checks and their tricks, and security running before the body is validated.
 */
import type { Case } from '../target.ts'
import {
  BEARER,
  expectRefused,
  FORBIDDEN,
  forge,
  get,
  INVALID,
  INVALID_TOKEN,
  NOT_AUTHENTICATED,
} from './auth-support.ts'
import { call, expectJson, issue } from './http.ts'

const INSUFFICIENT_ADMIN = 'Bearer error="insufficient_scope", scope="admin"'
const INSUFFICIENT_WRITE = 'Bearer error="insufficient_scope", scope="write"'

/** A case: a token whose `scope` claim is `scope` is refused by the route needing `admin`. */
function lacksAdmin(name: string, scope: unknown): Case {
  return {
    name: `scopes: ${name} is 403 insufficient_scope`,
    run: async (target) => {
      const token = await forge({ scope })
      const response = await get(target, '/auth/admin', { authorization: `Bearer ${token}` })
      await expectRefused(response, 403, INSUFFICIENT_ADMIN, FORBIDDEN)
    },
  }
}

/** A JSON POST, with a token granted `scope` when one is given. */
const postNote = async (body: unknown, scope?: string): Promise<RequestInit> => {
  const headers: Record<string, string> = { 'content-type': 'application/json' }
  if (scope !== undefined) headers.authorization = `Bearer ${await forge({ scope })}`
  return { method: 'POST', headers, body: JSON.stringify(body) }
}

export const authScopeCases: Case[] = [
  {
    name: 'default security: a route without its own security needs a token',
    run: async (target) => {
      await expectRefused(await get(target, '/auth/me'), 401, BEARER, NOT_AUTHENTICATED)
    },
  },
  {
    name: 'default security: a valid token passes it',
    run: async (target) => {
      const response = await get(target, '/auth/me', { authorization: `Bearer ${await forge()}` })
      await expectJson(response, 200, { subject: 'carol', scopes: [] })
    },
  },
  {
    name: 'default security: a route marked public needs no credentials',
    run: async (target) => {
      await expectJson(await get(target, '/auth/health'), 200, { status: 'up' })
    },
  },
  {
    name: 'scopes: a token granted the required scope passes',
    run: async (target) => {
      const token = await forge({ scope: 'read admin' })
      const response = await get(target, '/auth/admin', { authorization: `Bearer ${token}` })
      await expectJson(response, 200, { subject: 'carol', scopes: ['read', 'admin'] })
    },
  },
  {
    name: 'scopes: no token is 401, not 403',
    run: async (target) => {
      await expectRefused(await get(target, '/auth/admin'), 401, BEARER, NOT_AUTHENTICATED)
    },
  },
  {
    name: 'scopes: an invalid token is 401 invalid_token, not 403',
    run: async (target) => {
      const response = await get(target, '/auth/admin', { authorization: 'Bearer abc.def.ghi' })
      await expectRefused(response, 401, INVALID_TOKEN, INVALID)
    },
  },
  lacksAdmin('a token lacking the scope', 'read'),
  lacksAdmin('"read,admin" (comma-separated)', 'read,admin'),
  lacksAdmin('"readadmin" (run together)', 'readadmin'),
  lacksAdmin('"Admin" (other case)', 'Admin'),
  lacksAdmin('scope as an array', ['read', 'admin']),
  {
    name: 'security runs first: no token and an invalid body is 401, not 422',
    run: async (target) => {
      const response = await call(target, '/auth/notes', await postNote({ title: 42 }))
      await expectRefused(response, 401, BEARER, NOT_AUTHENTICATED)
    },
  },
  {
    name: 'security runs first: a token lacking the scope and an invalid body is 403, not 422',
    run: async (target) => {
      const response = await call(target, '/auth/notes', await postNote({}, 'read'))
      await expectRefused(response, 403, INSUFFICIENT_WRITE, FORBIDDEN)
    },
  },
  {
    name: 'security runs first: an authorized request with an invalid body is 422',
    run: async (target) => {
      const response = await call(target, '/auth/notes', await postNote({}, 'write'))
      await expectJson(response, 422, { detail: [issue('missing', ['body', 'title'])] })
    },
  },
  {
    name: 'scopes: an authorized request with a valid body is served',
    run: async (target) => {
      const response = await call(target, '/auth/notes', await postNote({ title: 'hi' }, 'write'))
      await expectJson(response, 201, { title: 'hi' })
    },
  },
]

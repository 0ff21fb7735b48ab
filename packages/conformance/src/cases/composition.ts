/** Cases for Brisk next to Hono: middleware, a problem-details sub-app, and mounting. */
import { expect } from 'vitest'
import type { Case } from '../target.ts'
import { call, expectJson, issue, jsonBody } from './http.ts'

export const compositionCases: Case[] = [
  {
    name: 'hono/cors middleware adds CORS headers to a Brisk route',
    run: async (target) => {
      const response = await call(target, '/users/1', {
        headers: { origin: 'https://allowed.test' },
      })
      expect(response.headers.get('access-control-allow-origin')).toBe('https://allowed.test')
      await expectJson(response, 200, { id: 1, name: 'Ada' })
    },
  },
  {
    name: 'hono/cors answers a preflight before routing',
    run: async (target) => {
      const response = await call(target, '/products', {
        method: 'OPTIONS',
        headers: {
          origin: 'https://allowed.test',
          'access-control-request-method': 'POST',
          'access-control-request-headers': 'content-type',
        },
      })
      expect(response.status).toBe(204)
      expect(response.headers.get('access-control-allow-origin')).toBe('https://allowed.test')
      expect(response.headers.get('access-control-allow-methods')).toContain('POST')
    },
  },
  {
    name: 'hono/secure-headers applies to validation errors and 404s too',
    run: async (target) => {
      for (const path of ['/items/abc', '/no/such/path']) {
        const response = await call(target, path)
        expect(response.headers.get('x-content-type-options'), path).toBe('nosniff')
        expect(response.headers.get('x-frame-options'), path).toBe('SAMEORIGIN')
      }
    },
  },
  {
    name: 'errorStatus 400 with errorFormat problem renders application/problem+json',
    run: async (target) => {
      const response = await call(target, '/problem/things?dry_run=perhaps', jsonBody({}))
      expect(response.status).toBe(400)
      expect(response.headers.get('content-type')).toMatch(/^application\/problem\+json/)
      expect(await response.json()).toEqual({
        type: 'about:blank',
        title: 'Bad Request',
        status: 400,
        detail: 'Request validation failed',
        errors: [
          issue('bool_parsing', ['query', 'dry_run'], 'perhaps'),
          issue('missing', ['body', 'name'], {}),
        ],
      })
    },
  },
  {
    name: 'the problem-details sub-app serves valid requests normally',
    run: async (target) => {
      const response = await call(target, '/problem/things?dry_run=1', jsonBody({ name: 'n' }))
      await expectJson(response, 200, { name: 'n', dryRun: true })
    },
  },
  {
    name: 'a plain Hono host serves its own routes next to a mounted Brisk app',
    run: async (target) => {
      const response = await call(target, '/host/hello')
      expect(response.status).toBe(200)
      expect(await response.text()).toBe('hello from plain hono')
    },
  },
  {
    name: 'a Brisk app mounted in a plain Hono app validates its inputs',
    run: async (target) => {
      await expectJson(await call(target, '/host/api/things/12'), 200, {
        id: 12,
        path: '/host/api/things/12',
      })
      await expectJson(await call(target, '/host/api/things/twelve'), 422, {
        detail: [issue('int_parsing', ['path', 'id'], 'twelve')],
      })
    },
  },
  {
    name: 'a mounted Brisk app renders its HTTPException',
    run: async (target) => {
      await expectJson(await call(target, '/host/api/conflict'), 409, { detail: 'Already there' })
    },
  },
]

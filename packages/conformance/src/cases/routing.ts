/** Cases for route matching: 404, 405 with Allow, HEAD, and hostile percent-encoding. */
import { expect } from 'vitest'
import type { Case } from '../target.ts'
import { call, expectJson } from './http.ts'

export const routingCases: Case[] = [
  {
    name: 'an unknown path is 404 {"detail":"Not Found"}',
    run: async (target) => {
      await expectJson(await call(target, '/no/such/path'), 404, { detail: 'Not Found' })
    },
  },
  {
    name: 'a path matching a route but for its trailing slash is 307 to that route, query kept',
    run: async (target) => {
      for (const method of ['GET', 'POST']) {
        const response = await call(target, '/users/1/?verbose=1', { method })
        expect(response.status).toBe(307)
        expect(response.headers.get('location')).toBe('/users/1?verbose=1')
      }
      await expectJson(await call(target, '/no/such/path/'), 404, { detail: 'Not Found' })
    },
  },
  {
    name: "a router's '/' route is the prefix with its slash, '' the prefix itself, each reached from the other by 307",
    run: async (target) => {
      await expectJson(await call(target, '/shelf/'), 200, { route: '/shelf/' })
      await expectJson(await call(target, '/desk'), 200, { route: '/desk' })
      const toShelf = await call(target, '/shelf?n=1')
      expect(toShelf.status).toBe(307)
      expect(toShelf.headers.get('location')).toBe('/shelf/?n=1')
      const toDesk = await call(target, '/desk/')
      expect(toDesk.status).toBe(307)
      expect(toDesk.headers.get('location')).toBe('/desk')
    },
  },
  {
    name: 'a known path with the wrong method is 405 with an Allow header',
    run: async (target) => {
      const response = await call(target, '/users/1', { method: 'POST' })
      expect(response.headers.get('allow')).toBe('GET, HEAD')
      await expectJson(response, 405, { detail: 'Method Not Allowed' })
    },
  },
  {
    name: 'Allow lists every method of a path served by several routes',
    run: async (target) => {
      const response = await call(target, '/items/5', { method: 'PUT' })
      expect(response.headers.get('allow')).toBe('DELETE, GET, HEAD')
      await expectJson(response, 405, { detail: 'Method Not Allowed' })
    },
  },
  {
    name: 'a GET route answers HEAD with its headers and no body',
    run: async (target) => {
      const response = await call(target, '/users/1', { method: 'HEAD' })
      expect(response.status).toBe(200)
      expect(response.headers.get('content-type')).toMatch(/^application\/json/)
      expect(await response.text()).toBe('')
    },
  },
  {
    name: 'a percent-encoded path parameter is decoded',
    run: async (target) => {
      await expectJson(await call(target, '/files/hello%20w%C3%B6rld'), 200, {
        name: 'hello wörld',
      })
    },
  },
  {
    name: 'malformed percent-encoding in a path parameter is 400 or 404, never 500',
    run: async (target) => {
      const response = await call(target, '/files/%E0%A4%A')
      expect([400, 404], await response.clone().text()).toContain(response.status)
      expect(await response.json()).toEqual({ detail: expect.any(String) })
    },
  },
  {
    name: 'malformed percent-encoding in an unknown path is 404',
    run: async (target) => {
      await expectJson(await call(target, '/nope/%zz%'), 404, { detail: 'Not Found' })
    },
  },
]

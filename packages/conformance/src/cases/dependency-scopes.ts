/**
 * Cases for where dependencies come from and apply: app scope and startup, app- and router-level
 * checks, inputs a dependency declares, and overrides installed by the fixture's own modules.
 */
import { expect } from 'vitest'
import type { Case } from '../target.ts'
import { call, expectIssues, expectJson, issue } from './http.ts'

interface InstanceBody {
  instance: string
  made: number
  request: string
}

export const dependencyScopeCases: Case[] = [
  {
    name: 'an app-scoped dependency is made once and shared by every request, sequential or concurrent',
    run: async (target) => {
      const sequential = [await call(target, '/di/instance'), await call(target, '/di/instance')]
      const concurrent = await Promise.all(
        Array.from({ length: 8 }, () => call(target, '/di/instance')),
      )
      const bodies: InstanceBody[] = []
      for (const response of [...sequential, ...concurrent]) {
        expect(response.status).toBe(200)
        bodies.push((await response.json()) as InstanceBody)
      }
      const instance = bodies[0]!.instance
      expect(bodies.map((body) => [body.instance, body.made])).toEqual(
        bodies.map(() => [instance, 1]),
      )
      // …while the request-scoped value next to it is new for each request.
      expect(new Set(bodies.map((body) => body.request)).size).toBe(bodies.length)
    },
  },
  {
    name: 'startup hooks, then eager app-scoped dependencies, run once before the first request',
    run: async (target) => {
      const headers = { 'x-tenant': 'acme' }
      for (let request = 0; request < 3; request++) {
        await expectJson(await call(target, '/di-app/lifespan', { headers }), 200, {
          events: ['startup hook', 'eager dependency'],
        })
      }
    },
  },
  {
    name: 'an app-level dependency guards every route, though no handler reads its value',
    run: async (target) => {
      await expectJson(await call(target, '/di-app/public'), 403, { detail: 'Unknown tenant' })
      const headers = { 'x-tenant': 'acme' }
      await expectJson(await call(target, '/di-app/public', { headers }), 200, { public: true })
    },
  },
  {
    name: 'a router-level API-key check returns 401, after the app-level check',
    run: async (target) => {
      const path = '/di-app/admin/report'
      await expectJson(await call(target, path), 403, { detail: 'Unknown tenant' })
      await expectJson(await call(target, path, { headers: { 'x-tenant': 'acme' } }), 401, {
        detail: 'Invalid API key',
      })
      const wrong = { 'x-tenant': 'acme', 'x-api-key': 'wrong' }
      await expectJson(await call(target, path, { headers: wrong }), 401, {
        detail: 'Invalid API key',
      })
      const right = { 'x-tenant': 'acme', 'x-api-key': 'secret-key' }
      await expectJson(await call(target, path, { headers: right }), 200, { report: 'ok' })
    },
  },
  {
    name: "a dependency's header and the route's query param fail in one 422, query first",
    run: async (target) => {
      await expectIssues(await call(target, '/di/inputs?n=x'), [
        issue('float_parsing', ['query', 'n'], 'x'),
        issue('missing', ['header', 'x-api-key'], null),
      ])
      await expectIssues(
        await call(target, '/di/inputs?n=x', { headers: { 'x-api-key': 'short' } }),
        [
          issue('float_parsing', ['query', 'n'], 'x'),
          issue('string_too_short', ['header', 'x-api-key'], 'short'),
        ],
      )
      const headers = { 'x-api-key': 'long-enough' }
      await expectJson(await call(target, '/di/inputs?n=1.5', { headers }), 200, {
        n: 1.5,
        key: 'long-enough',
      })
    },
  },
  {
    name: 'an override replaces a dependency deep in the graph, for its own app only',
    run: async (target) => {
      await expectJson(await call(target, '/di-override/source'), 200, { source: 'fake' })
      await expectJson(await call(target, '/di/source'), 200, { source: 'real' })
    },
  },
  {
    name: 'an undone override, and overrides cleared with clearOverrides(), no longer apply',
    run: async (target) => {
      await expectJson(await call(target, '/di-override/greeting'), 200, { greeting: 'hello' })
      await expectJson(await call(target, '/di-override/cleared/source'), 200, { source: 'real' })
    },
  },
  {
    name: "an override that reads no inputs drops the replaced dependency's required header",
    run: async (target) => {
      await expectJson(await call(target, '/di-override/me'), 200, { user: 'fake user' })
    },
  },
  {
    name: "an override's own declared header is validated and reaches it",
    run: async (target) => {
      await expectIssues(await call(target, '/di-override/caller'), [
        issue('missing', ['header', 'x-caller'], null),
      ])
      const headers = { 'x-caller': 'ada' }
      await expectJson(await call(target, '/di-override/caller', { headers }), 200, {
        caller: 'ada',
      })
    },
  },
]

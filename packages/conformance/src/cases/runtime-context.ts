/** Cases for the runtime context of dependencies: environment settings, request, waitUntil. */
import { expect } from 'vitest'
import type { Case } from '../target.ts'
import { call, expectJson } from './http.ts'

export const runtimeContextCases: Case[] = [
  {
    name: "settings read the runtime's environment (Worker bindings on workerd), typed",
    run: async (target) => {
      await expectJson(await call(target, '/runtime'), 200, {
        greeting: 'hello from the environment',
        limit: 7,
        path: '/runtime',
        waitUntil: 'function',
      })
    },
  },
  {
    name: "work handed to the execution context's waitUntil runs",
    run: async (target) => {
      const waited = async () =>
        ((await (await call(target, '/runtime/waited')).json()) as { waited: number }).waited
      const before = await waited()
      expect((await call(target, '/runtime')).status).toBe(200)
      // The work is one microtask: done before the next request is even read.
      expect(await waited()).toBe(before + 1)
    },
  },
]

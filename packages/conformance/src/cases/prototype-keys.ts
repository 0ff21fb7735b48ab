/** Cases proving that `__proto__`, `constructor` and `prototype` keys never reach a handler. */
import { expect } from 'vitest'
import type { Case } from '../target.ts'
import { call, expectJson } from './http.ts'

const hostileJson =
  '{"name":"ok","__proto__":{"polluted":true},"constructor":{"prototype":{"polluted":true}},"prototype":{"polluted":true}}'

const clean = {
  keys: ['name'],
  hasOwnProto: false,
  prototypeIsObject: true,
  polluted: false,
  echo: { name: 'ok' },
}

function postJson(path: string) {
  return {
    name: `JSON prototype keys never reach a ${path.split('/').at(-1)} body nor pollute Object.prototype`,
    run: async (target: Parameters<Case['run']>[0]) => {
      const response = await call(target, path, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: hostileJson,
      })
      await expectJson(response, 200, clean)
      expect(({} as Record<string, unknown>).polluted).toBeUndefined()
    },
  }
}

export const prototypeKeyCases: Case[] = [
  postJson('/keys/record'),
  postJson('/keys/loose'),
  {
    name: 'form prototype keys never reach a loose form body',
    run: async (target) => {
      const response = await call(target, '/keys/form', {
        method: 'POST',
        body: new URLSearchParams('name=ok&__proto__=x&constructor=y&prototype=z'),
      })
      await expectJson(response, 200, clean)
    },
  },
  {
    name: 'a prototype key inside a nested value is dropped too',
    run: async (target) => {
      const response = await call(target, '/keys/record', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: '{"name":{"__proto__":{"polluted":true}}}',
      })
      await expectJson(response, 200, { ...clean, echo: { name: {} } })
    },
  },
]

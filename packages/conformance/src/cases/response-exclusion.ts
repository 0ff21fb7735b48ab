/** Cases for excludeUnset, excludeDefaults and excludeNone, with FastAPI's tutorial answers. */
import type { Case } from '../target.ts'
import { call, expectJson } from './http.ts'

export const responseExclusionCases: Case[] = [
  {
    name: 'excludeUnset leaves out unset fields and keeps one set to its default',
    run: async (target) => {
      await expectJson(await call(target, '/exclude/unset/foo'), 200, { name: 'Foo', price: 50.2 })
      await expectJson(await call(target, '/exclude/unset/baz'), 200, {
        name: 'Baz',
        description: null,
        price: 50.2,
        tax: 10.5,
        tags: [],
      })
    },
  },
  {
    name: 'excludeDefaults leaves out fields equal to their default; excludeNone null fields',
    run: async (target) => {
      await expectJson(await call(target, '/exclude/defaults/baz'), 200, {
        name: 'Baz',
        price: 50.2,
      })
      await expectJson(await call(target, '/exclude/defaults/bar'), 200, {
        name: 'Bar',
        description: 'The bartenders',
        price: 62,
        tax: 20.2,
      })
      await expectJson(await call(target, '/exclude/none/foo'), 200, {
        name: 'Foo',
        price: 50.2,
        tax: 10.5,
        tags: [],
      })
    },
  },
]

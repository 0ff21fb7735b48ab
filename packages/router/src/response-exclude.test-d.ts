import * as v from 'valibot'
import { expectTypeOf, test } from 'vitest'
import { get } from './route.ts'
import type { RouteOptions } from './types.ts'

test('the exclude options are booleans on a route', () => {
  expectTypeOf<RouteOptions['excludeUnset']>().toEqualTypeOf<boolean | undefined>()
  expectTypeOf<RouteOptions['excludeDefaults']>().toEqualTypeOf<boolean | undefined>()
  expectTypeOf<RouteOptions['excludeNone']>().toEqualTypeOf<boolean | undefined>()
  const Item = v.object({ name: v.string(), tax: v.optional(v.number(), 10.5) })
  get('/i', { response: Item, excludeUnset: true }, () => ({ name: 'Foo' }))
  // @ts-expect-error FastAPI's spelling is a flag, not a list of fields
  get('/j', { response: Item, excludeNone: ['tax'] }, () => ({ name: 'Foo' }))
})

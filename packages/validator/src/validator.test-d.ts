import { Hono } from 'hono'
import * as v from 'valibot'
import { describe, expectTypeOf, test } from 'vitest'
import { validator } from './validator.ts'

describe('validator', () => {
  test('types c.req.valid for each declared location', () => {
    new Hono().post(
      '/items/:id',
      validator({
        params: { id: v.number() },
        query: { limit: v.optional(v.number(), 10) },
        headers: { x_trace: v.optional(v.string()) },
        cookies: { session: v.string() },
        body: v.object({ name: v.string() }),
      }),
      (c) => {
        expectTypeOf(c.req.valid('param')).toEqualTypeOf<{ id: number }>()
        expectTypeOf(c.req.valid('query')).toEqualTypeOf<{ limit: number }>()
        expectTypeOf(c.req.valid('header')).toEqualTypeOf<{ x_trace?: string | undefined }>()
        expectTypeOf(c.req.valid('cookie')).toEqualTypeOf<{ session: string }>()
        expectTypeOf(c.req.valid('json')).toEqualTypeOf<{ name: string }>()
        // @ts-expect-error form was not declared
        c.req.valid('form')
        return c.body(null)
      },
    )
  })

  test('stores form and multipart bodies under form', () => {
    new Hono().post(
      '/upload',
      validator({ body: { file: v.file(), note: v.optional(v.string()) }, bodyType: 'multipart' }),
      (c) => {
        expectTypeOf(c.req.valid('form')).toEqualTypeOf<{ file: File; note?: string }>()
        // @ts-expect-error json was not declared
        c.req.valid('json')
        return c.body(null)
      },
    )
  })

  test('only declares the locations in the spec', () => {
    new Hono().get('/', validator({ query: { q: v.string() } }), (c) => {
      expectTypeOf(c.req.valid('query').q).toEqualTypeOf<string>()
      // @ts-expect-error params were not declared
      c.req.valid('param')
      return c.body(null)
    })
  })
})

import { alias } from '@brisk/validator'
import * as v from 'valibot'
import { describe, expectTypeOf, it } from 'vitest'
import type { WireInput } from './wire-input.ts'

describe('WireInput', () => {
  it('keys aliased fields by alias, keeping optional ones optional', () => {
    type Query = WireInput<{
      q: v.OptionalSchema<
        v.SchemaWithPipe<
          readonly [v.StringSchema<undefined>, ReturnType<typeof alias<string, 'item-query'>>]
        >,
        undefined
      >
      page: v.NumberSchema<undefined>
    }>
    expectTypeOf<Query>().toEqualTypeOf<{ 'item-query'?: string | undefined; page: number }>()
  })

  it('renames inside nested objects and arrays of them', () => {
    const Body = v.object({
      itemName: v.pipe(v.string(), alias('item-name')),
      parts: v.array(v.object({ partNo: v.pipe(v.string(), alias('part-no')), n: v.number() })),
      plain: v.object({ a: v.string() }),
    })
    expectTypeOf<WireInput<typeof Body>>().toEqualTypeOf<{
      'item-name': string
      parts: { 'part-no': string; n: number }[]
      plain: { a: string }
    }>()
  })

  it('finds the alias on a pipe around an optional schema', () => {
    const field = v.pipe(v.optional(v.string()), alias('c'))
    expectTypeOf<WireInput<{ c2: typeof field }>>().toEqualTypeOf<{ c?: string | undefined }>()
  })

  it('is the plain input type without aliases', () => {
    const Item = v.object({ name: v.string(), tags: v.optional(v.array(v.string())) })
    expectTypeOf<WireInput<typeof Item>>().toEqualTypeOf<v.InferInput<typeof Item>>()
  })

  it('refuses the handler key of an aliased field', () => {
    const q = v.pipe(v.string(), alias('item-query'))
    // @ts-expect-error the field is sent as item-query
    const sent: WireInput<{ q: typeof q }> = { q: 'x' }
    expectTypeOf(sent).not.toBeAny()
  })
})

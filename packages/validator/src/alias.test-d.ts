import * as v from 'valibot'
import { describe, expectTypeOf, test } from 'vitest'
import { alias, fieldAlias } from './alias.ts'
import type { InferInputs } from './types.ts'

describe('alias types', () => {
  test('the handler sees an aliased field under its key, with its own type', () => {
    const spec = {
      query: { q: v.optional(v.pipe(v.string(), alias('item-query'))) },
      headers: { strange_header: v.pipe(v.number(), alias('strange_header')) },
      body: v.object({ itemName: v.pipe(v.string(), alias('item-name')) }),
    }
    type Inputs = InferInputs<typeof spec>
    expectTypeOf<Inputs['query']>().toEqualTypeOf<{ q?: string | undefined }>()
    expectTypeOf<Inputs['headers']>().toEqualTypeOf<{ strange_header: number }>()
    expectTypeOf<Inputs['body']>().toEqualTypeOf<{ itemName: string }>()
  })

  test('the alias is kept as a literal type in the pipe', () => {
    expectTypeOf(alias('item-query')).toEqualTypeOf<
      v.MetadataAction<unknown, { readonly alias: 'item-query' }>
    >()
    expectTypeOf(fieldAlias).returns.toEqualTypeOf<string | undefined>()
  })

  test('takes only a string name', () => {
    // @ts-expect-error an alias is a name
    alias(5)
  })
})

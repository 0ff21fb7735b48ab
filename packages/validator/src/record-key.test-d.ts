import * as v from 'valibot'
import { describe, expectTypeOf, test } from 'vitest'
import { recordKey } from './record-key.ts'

describe('recordKey types', () => {
  test('makes a number schema a record key: string in, number out', () => {
    const Weights = v.record(recordKey(v.pipe(v.number(), v.integer())), v.number())
    expectTypeOf<v.InferOutput<typeof Weights>>().toEqualTypeOf<Record<number, number>>()
    // @ts-expect-error: a string schema needs no recordKey
    recordKey(v.string())
  })
})

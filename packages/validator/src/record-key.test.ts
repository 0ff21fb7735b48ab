import * as v from 'valibot'
import { describe, expect, test } from 'vitest'
import { recordKey } from './record-key.ts'

const integer = v.pipe(v.number(), v.integer())

describe('recordKey', () => {
  test('coerces the key string and checks it with the schema, reporting the key as sent', () => {
    const Weights = v.record(recordKey(v.pipe(integer, v.minValue(1))), v.number())
    expect(v.parse(Weights, { '1': 0.5, '02': 2 })).toEqual({ 1: 0.5, 2: 2 })
    const result = v.safeParse(Weights, { foo: 1, '0': 2 })
    expect(result.issues?.map(({ type, input, message }) => ({ type, input, message }))).toEqual([
      {
        type: 'min_value',
        input: '0',
        message: 'Invalid value: Expected >=1 but received 0',
      },
      {
        type: 'int_parsing',
        input: 'foo',
        message: 'Input should be a valid integer, unable to parse string as an integer',
      },
    ])
    expect(v.parse(v.record(recordKey(v.number()), v.string()), { '1.5': 'a' })).toEqual({
      1.5: 'a',
    })
  })

  test('is a Standard Schema too, and refuses what is not a number schema', () => {
    expect(recordKey(integer)['~standard'].validate('7')).toEqual({ value: 7 })
    expect(() => recordKey(v.string() as never)).toThrow(/number schema/)
  })
})

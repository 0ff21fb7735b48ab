import * as v from 'valibot'
import { describe, expect, test } from 'vitest'
import { type LaxFailure, planLax } from './lax-json.ts'

function lax(schema: v.GenericSchema, value: unknown) {
  const failures: LaxFailure[] = []
  const plan = planLax(schema)
  const coerced = plan ? plan(value, failures, []) : value
  return { coerced, failures: failures.map(({ path, failure }) => [path, failure.type]) }
}

describe('lax JSON coercion (pydantic lax mode)', () => {
  test('numbers from numeric strings; integers also from " 7 " and "1.0"; booleans to numbers', () => {
    expect(lax(v.number(), '50.5')).toEqual({ coerced: 50.5, failures: [] })
    expect(lax(v.number(), '-1e3')).toEqual({ coerced: -1000, failures: [] })
    const integer = v.pipe(v.number(), v.integer())
    expect(lax(integer, ' 7 ').coerced).toBe(7)
    expect(lax(integer, '1.0').coerced).toBe(1)
    expect(lax(integer, true).coerced).toBe(1)
    expect(lax(integer, '1.5')).toEqual({ coerced: '1.5', failures: [[[], 'int_parsing']] })
    expect(lax(v.number(), 'abc')).toEqual({ coerced: 'abc', failures: [[[], 'float_parsing']] })
    expect(lax(v.number(), '1e999').failures).toEqual([[[], 'float_parsing']]) // never Infinity
  })

  test('booleans from pydantic’s words, any case, and from 0 and 1', () => {
    for (const [text, expected] of [
      ['t', true],
      ['F', false],
      ['YES', true],
      ['n', false],
      ['off', false],
      ['1', true],
      ['True', true],
    ] as const) {
      expect(lax(v.boolean(), text).coerced).toBe(expected)
    }
    expect(lax(v.boolean(), 0).coerced).toBe(false)
    expect(lax(v.boolean(), 'maybe').failures).toEqual([[[], 'bool_parsing']])
    expect(lax(v.boolean(), 2).coerced).toBe(2) // left for Valibot to refuse
  })

  test('nested objects, arrays, tuples and records, each failure at its path', () => {
    const Order = v.object({
      id: v.string(),
      items: v.array(v.object({ price: v.number(), gift: v.optional(v.boolean()) })),
      pair: v.tuple([v.number(), v.string()]),
      stock: v.record(v.string(), v.pipe(v.number(), v.integer())),
    })
    const { coerced, failures } = lax(Order, {
      id: '12',
      items: [{ price: '1.5', gift: 'y' }, { price: 'free' }],
      pair: ['2', '2'],
      stock: { lamp: '3', desk: 'x' },
      extra: '9',
    })
    expect(coerced).toEqual({
      id: '12', // a string field keeps its string
      items: [{ price: 1.5, gift: true }, { price: 'free' }],
      pair: [2, '2'],
      stock: { lamp: 3, desk: 'x' },
      extra: '9',
    })
    expect(failures).toEqual([
      [['items', 1, 'price'], 'float_parsing'],
      [['stock', 'desk'], 'int_parsing'],
    ])
  })

  test('an array for a v.set() becomes a Set of coerced items, duplicates dropped', () => {
    expect(lax(v.set(v.string()), ['a', 'a', 'b']).coerced).toEqual(new Set(['a', 'b']))
    expect(lax(v.set(v.number()), ['1', 1, '2']).coerced).toEqual(new Set([1, 2]))
    // A failing item keeps the array, so the issue names its index.
    expect(lax(v.set(v.number()), ['1', 'x'])).toEqual({
      coerced: [1, 'x'],
      failures: [[[1], 'float_parsing']],
    })
  })

  test('unions keep an exact match, else take the first option that coerces', () => {
    expect(lax(v.union([v.string(), v.number()]), '5').coerced).toBe('5')
    expect(lax(v.union([v.number(), v.boolean()]), '5').coerced).toBe(5)
    expect(lax(v.union([v.number(), v.boolean()]), 't').coerced).toBe(true)
    expect(lax(v.union([v.number(), v.boolean()]), 'neither')).toEqual({
      coerced: 'neither',
      failures: [],
    })
  })

  test('picklists and literals take their number options from strings', () => {
    expect(lax(v.picklist([1, 2, 3]), '2').coerced).toBe(2)
    expect(lax(v.literal(true), 'true').coerced).toBe(true)
    expect(lax(v.picklist(['a', 'b']), 'a').coerced).toBe('a')
  })

  test('wrappers let null and undefined through; recursive schemas are planned once', () => {
    expect(lax(v.nullish(v.number()), null).coerced).toBeNull()
    expect(lax(v.optional(v.number()), '3').coerced).toBe(3)
    type Node = { value: number; children: Node[] }
    const Tree: v.GenericSchema<Node> = v.object({
      value: v.number(),
      children: v.array(v.lazy(() => Tree)),
    })
    expect(lax(Tree, { value: '1', children: [{ value: '2', children: [] }] }).coerced).toEqual({
      value: 1,
      children: [{ value: 2, children: [] }],
    })
  })

  test('a schema with nothing to coerce has no plan', () => {
    expect(planLax(v.object({ name: v.string(), tags: v.array(v.string()) }))).toBeUndefined()
  })
})

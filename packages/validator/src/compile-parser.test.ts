import * as v from 'valibot'
import { describe, expect, it } from 'vitest'
import { compileParser, INVALID } from './compile-parser.ts'

const Item = v.object({
  name: v.pipe(v.string(), v.trim(), v.minLength(1)),
  price: v.pipe(v.number(), v.minValue(0)),
  tags: v.optional(v.array(v.string())),
  size: v.optional(v.picklist(['s', 'm', 'l']), 'm'),
  owner: v.nullable(v.object({ id: v.number() })),
})

describe('compileParser', () => {
  const parse = compileParser(Item)!

  it('builds exactly what v.parse builds for a valid value, as a new object', () => {
    const input = { name: '  desk ', price: 5, extra: true, owner: { id: 1, secret: 's' } }
    const output = parse(input)
    expect(output).toEqual(v.parse(Item, input))
    expect(Object.keys(output as object)).toEqual(Object.keys(v.parse(Item, input)))
    expect(output).toEqual({ name: 'desk', price: 5, size: 'm', owner: { id: 1 } })
    expect(output).not.toBe(input)
  })

  it.each([
    ['a missing required key', { price: 1, owner: null }],
    ['a wrong type deep down', { name: 'a', price: 1, owner: { id: '1' } }],
    ['a failing pipe action', { name: '   ', price: 1, owner: null }],
    ['an option outside the picklist', { name: 'a', price: 1, size: 'xl', owner: null }],
    ['NaN', { name: 'a', price: Number.NaN, owner: null }],
    ['not an object', 'desk'],
  ])('answers INVALID for %s, as v.safeParse fails it', (_, input) => {
    expect(v.safeParse(Item, input).success).toBe(false)
    expect(parse(input)).toBe(INVALID)
  })

  it('leaves schemas it cannot speed up to Valibot', () => {
    expect(compileParser(v.strictObject({ a: v.string() }))).toBeUndefined()
    const Async = v.objectAsync({ a: v.string() }) as unknown as v.GenericSchema // the types refuse it; a plain-JS caller could
    expect(compileParser(Async)).toBeUndefined()
  })

  it('runs Valibot inside a planned schema for nodes it does not plan', () => {
    const Mixed = v.object({ at: v.date(), pair: v.tuple([v.number(), v.string()]) })
    const input = { at: new Date(0), pair: [1, 'a'], more: 1 }
    expect(compileParser(Mixed)!(input)).toEqual(v.parse(Mixed, input))
    expect(compileParser(Mixed)!({ at: 'x', pair: [1, 'a'] })).toBe(INVALID)
  })

  it('plans a sub-schema shared by many parents once (no blow-up on deep sharing)', () => {
    let reads = 0 // how often the planner looks at the shared leaf
    const leaf = new Proxy(v.string(), {
      get: (target, key, receiver) => {
        if (key === 'type') reads++
        return Reflect.get(target, key, receiver)
      },
    })
    let shared: v.GenericSchema = leaf
    for (let depth = 0; depth < 12; depth++) shared = v.object({ a: shared, b: shared })
    reads = 0
    const parse = compileParser(shared)!
    // A few reads (the leaf's own plan, its parent's optional check), not one per path (16,384).
    expect(reads).toBeLessThan(16)
    expect(parse('not an object')).toBe(INVALID)
  })

  describe('pipes of plain validations give exactly what Valibot gives', () => {
    const cases: [string, v.GenericSchema, unknown[]][] = [
      [
        'minLength/maxLength on strings',
        v.pipe(v.string(), v.minLength(2), v.maxLength(3)),
        ['a', 'ab', 'abc', 'abcd', ''],
      ],
      [
        'length and nonEmpty on arrays',
        v.pipe(v.array(v.number()), v.nonEmpty(), v.length(2)),
        [[], [1], [1, 2], [1, 2, 3]],
      ],
      [
        'minValue/maxValue on numbers',
        v.pipe(v.number(), v.minValue(0), v.maxValue(10)),
        [-1, 0, 10, 10.5, Infinity],
      ],
      ['gtValue/ltValue', v.pipe(v.number(), v.gtValue(0), v.ltValue(1)), [0, 0.5, 1]],
      [
        'integer, finite, safeInteger',
        v.pipe(v.number(), v.finite(), v.integer(), v.safeInteger()),
        [1, 1.5, Infinity, 2 ** 60],
      ],
      [
        'regex, startsWith, endsWith',
        v.pipe(v.string(), v.regex(/^a/), v.startsWith('ab'), v.endsWith('z')),
        ['abz', 'abc', 'az', 'xbz'],
      ],
      ['email', v.pipe(v.string(), v.email()), ['a@b.co', 'not-an-email']],
      [
        'multipleOf on numbers and bigints',
        v.object({
          n: v.pipe(v.number(), v.multipleOf(3)),
          b: v.pipe(v.bigint(), v.multipleOf(3n)),
        }),
        [
          { n: 6, b: 9n },
          { n: 7, b: 9n },
          { n: 6, b: 10n },
        ],
      ],
      [
        'minValue on dates',
        v.object({ at: v.pipe(v.date(), v.minValue(new Date(1000))), n: v.number() }),
        [
          { at: new Date(999), n: 1 },
          { at: new Date(1000), n: 1 },
        ],
      ],
      [
        'a check, then a transform, then a check',
        v.pipe(v.string(), v.minLength(1), v.trim(), v.minLength(2)),
        [' a ', ' ab ', ''],
      ],
    ]
    it.each(cases)('%s', (_, schema, values) => {
      const parse = compileParser(schema)
      for (const value of values) {
        const expected = v.safeParse(schema, value)
        const actual = parse ? parse(value) : 'not compiled'
        expect(actual, String(value)).toEqual(expected.success ? expected.output : INVALID)
      }
    })
  })
})

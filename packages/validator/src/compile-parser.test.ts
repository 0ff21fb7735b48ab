import * as v from 'valibot'
import { describe, expect, it } from 'vitest'
import { Item, parserCases } from './compile-parser.cases.ts'
import { compileParser, INVALID } from './compile-parser.ts'

/** JSON with its keys in order (bigints spelled out), to compare how two outputs serialise. */
const keyed = (value: unknown) =>
  JSON.stringify(value, (_, item) => (typeof item === 'bigint' ? `${item}n` : item))

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

  it('leaves schemas it cannot speed up to Valibot', () => {
    expect(compileParser(v.strictObject({ a: v.string() }))).toBeUndefined()
    const Async = v.objectAsync({ a: v.string() }) as unknown as v.GenericSchema // the types refuse it; a plain-JS caller could
    expect(compileParser(Async)).toBeUndefined()
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

  describe('gives exactly what v.safeParse gives, on the shared cases', () => {
    it.each(parserCases)('$name', ({ schema, values }) => {
      const parse = compileParser(schema)
      expect(parse, 'compiled').toBeDefined()
      for (const value of values) {
        const expected = v.safeParse(schema, value)
        const actual = parse!(value)
        expect(actual, String(value)).toEqual(expected.success ? expected.output : INVALID)
        // The same keys in the same order: JSON.stringify must see the same object.
        if (expected.success) expect(keyed(actual)).toBe(keyed(expected.output))
      }
    })
  })
})

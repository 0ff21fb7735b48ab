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
})

import * as v from 'valibot'
import { describe, expect, it } from 'vitest'
import { type Exclusion, planFieldFilter } from './exclude-fields.ts'

const unset: Exclusion = { unset: true, defaults: false, none: false }
const defaults: Exclusion = { unset: false, defaults: true, none: false }
const none: Exclusion = { unset: false, defaults: false, none: true }

/** What the route would send: the parsed output through the planned filter. */
function send(schema: v.GenericSchema, exclusion: Exclusion, value: unknown) {
  const output = v.parse(schema, value)
  const filter = planFieldFilter(schema, exclusion)
  return filter ? filter(value, output) : output
}

describe('planFieldFilter', () => {
  it('plans nothing for a schema without objects', () => {
    expect(planFieldFilter(v.array(v.number()), unset)).toBeUndefined()
    expect(planFieldFilter(v.string(), none)).toBeUndefined()
  })

  it('counts a key present with undefined as unset, as JSON has no undefined', () => {
    const schema = v.object({ a: v.optional(v.number(), 1), b: v.optional(v.number()) })
    expect(send(schema, unset, { a: undefined, b: 2 })).toEqual({ b: 2 })
  })

  it('compares defaults deeply, calling a default function', () => {
    const schema = v.object({
      box: v.optional(v.object({ w: v.number() }), () => ({ w: 1 })),
      list: v.optional(v.array(v.number()), [1, 2]),
    })
    expect(send(schema, defaults, { box: { w: 1 }, list: [1, 2] })).toEqual({})
    expect(send(schema, defaults, { box: { w: 2 }, list: [2, 1] })).toEqual({
      box: { w: 2 },
      list: [2, 1],
    })
  })

  it('keeps a null that is not the default under excludeDefaults, and drops it under excludeNone', () => {
    const schema = v.object({ note: v.optional(v.nullable(v.string()), 'none') })
    expect(send(schema, defaults, { note: null })).toEqual({ note: null })
    expect(send(schema, none, { note: null })).toEqual({})
  })

  it('filters records, unions (by the option the value matches) and lazy schemas', () => {
    const Leaf = v.object({ kind: v.literal('leaf'), weight: v.optional(v.number(), 0) })
    // Typed loosely: the recursive type is beside the point here.
    const Node: v.GenericSchema = v.object({
      kind: v.literal('node'),
      children: v.array(v.lazy(() => v.union([Node, Leaf]))),
      label: v.optional(v.string(), 'unnamed'),
    })
    const schema = v.record(v.string(), v.union([Leaf, Node]))
    const value = {
      a: { kind: 'leaf' },
      b: { kind: 'node', children: [{ kind: 'leaf', weight: 3 }] },
    }
    expect(send(schema, unset, value)).toEqual({
      a: { kind: 'leaf' },
      b: { kind: 'node', children: [{ kind: 'leaf', weight: 3 }] },
    })
  })

  it('keeps the extra keys of a loose object unless they are null and excludeNone is set', () => {
    const schema = v.looseObject({ id: v.number() })
    expect(send(schema, none, { id: 1, extra: null, more: 2 })).toEqual({ id: 1, more: 2 })
  })

  it('leaves what a transform made as it is', () => {
    const schema = v.pipe(
      v.object({ a: v.optional(v.number(), 1) }),
      v.transform((value) => ({ ...value, b: null })),
    )
    expect(send(schema, none, {})).toEqual({ a: 1, b: null })
  })
})

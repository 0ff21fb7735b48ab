import * as v from 'valibot'
import { describe, expect, test } from 'vitest'
import { cappedSafeParse } from './capped-safe-parse.ts'

const Item = v.object({
  name: v.pipe(v.string(), v.minLength(1)),
  price: v.pipe(v.number(), v.minValue(0)),
  tags: v.array(v.picklist(['a', 'b'])),
})
const Order = v.object({
  id: v.union([v.string(), v.number()]),
  items: v.array(Item),
  note: v.optional(v.string()),
})

// Each issue records the abortEarly it was made under (false here, undefined in v.safeParse).
const withoutAbortFlags = (issues: readonly v.BaseIssue<unknown>[]): unknown =>
  JSON.parse(JSON.stringify(issues, (key, value) => (key === 'abortEarly' ? undefined : value)))

const badItem = (index: number) => ({ name: '', price: -index - 1, tags: ['a', 'z'] })

describe('cappedSafeParse', () => {
  test('below the cap it answers what v.safeParse answers, issues in the same order', () => {
    const inputs: unknown[] = [
      { id: 1, items: [{ name: 'x', price: 1, tags: ['a'] }] },
      { id: true, items: [badItem(1), { name: 'y', price: 2, tags: [] }, badItem(3)], note: 7 },
      [1, 2],
      null,
    ]
    for (const input of inputs) {
      const expected = v.safeParse(Order, input)
      const actual = cappedSafeParse(Order, input, 100)
      expect(actual.success).toBe(expected.success)
      if (expected.success) expect(actual).toEqual({ success: true, output: expected.output })
      else
        expect(withoutAbortFlags(actual.success ? [] : actual.issues)).toEqual(
          withoutAbortFlags(expected.issues),
        )
    }
  })

  test('past the cap it stops checking: the work is bounded by the cap, not the input', () => {
    let checked = 0
    const Counted = v.array(
      v.pipe(
        v.number(),
        v.check((n) => {
          checked += 1
          return n >= 0
        }),
      ),
    )
    const input = Array.from({ length: 10_000 }, () => -1)
    const result = cappedSafeParse(Counted, input, 100)
    expect(result.success).toBe(false)
    expect(checked).toBe(100)
    // Without the cap Valibot checks every item.
    checked = 0
    v.safeParse(Counted, input)
    expect(checked).toBe(10_000)
  })

  test('the first issues past the cap are the first ones v.safeParse names', () => {
    const input = { id: 1, items: Array.from({ length: 400 }, (_, index) => badItem(index)) }
    const capped = cappedSafeParse(Order, input, 100)
    const full = v.safeParse(Order, input)
    if (capped.success || full.success) throw new Error('both must fail')
    expect(full.issues.length).toBe(1_200)
    // The union's string option failing on `id: 1` counts too: one issue fewer is kept.
    expect(capped.issues.length).toBe(99)
    expect(withoutAbortFlags(capped.issues)).toEqual(withoutAbortFlags(full.issues.slice(0, 99)))
  })

  test('a global abortEarly still stops at the first issue', () => {
    v.setGlobalConfig({ abortEarly: true })
    try {
      const result = cappedSafeParse(Order, { id: 1, items: [badItem(1), badItem(2)] }, 100)
      expect(result.success ? 0 : result.issues.length).toBe(1)
    } finally {
      v.deleteGlobalConfig()
    }
  })
})

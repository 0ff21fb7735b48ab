import { describe, expect, test } from 'vitest'
import { truncateInput } from './truncate-input.ts'

describe('truncateInput', () => {
  test('cuts strings longer than 256 characters', () => {
    expect(truncateInput('x'.repeat(300))).toBe(`${'x'.repeat(256)}...`)
    expect(truncateInput('short')).toBe('short')
  })

  test('keeps the first ten array items and says how many were left out', () => {
    const input = Array.from({ length: 25 }, (_, index) => index)
    expect(truncateInput(input)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, '... 15 more items'])
  })

  test('keeps the first twenty keys of an object', () => {
    const input = Object.fromEntries(Array.from({ length: 30 }, (_, index) => [`k${index}`, index]))
    const result = truncateInput(input) as Record<string, unknown>
    expect(Object.keys(result)).toHaveLength(21)
    expect(result['...']).toBe('more keys')
  })

  test('summarises nesting beyond three levels', () => {
    expect(truncateInput({ a: { b: { c: { d: 1 } } } })).toEqual({ a: { b: { c: '{...}' } } })
    expect(truncateInput([[[[1, 2]]]])).toEqual([[['[2 items]']]])
  })

  test('describes files and stringifies bigints, dates and non-finite numbers', () => {
    const file = new File(['hello'], 'a.txt', { type: 'text/plain' })
    expect(truncateInput(file)).toEqual({ filename: 'a.txt', content_type: 'text/plain', size: 5 })
    expect(truncateInput(10n)).toBe('10')
    expect(truncateInput(new Date('2024-01-02T00:00:00Z'))).toBe('2024-01-02T00:00:00.000Z')
    expect(truncateInput(Number.NaN)).toBe('NaN')
    expect(truncateInput(undefined)).toBeNull()
  })

  test('returns a copy, never the original object', () => {
    const input = { a: [1] }
    const result = truncateInput(input) as { a: number[] }
    expect(result).toEqual(input)
    expect(result).not.toBe(input)
    expect(result.a).not.toBe(input.a)
  })
})

import { describe, expect, test } from 'vitest'
import { formatRatio, median, rotated, summarizeRatios } from './summary.ts'

describe('the repetition summary of the HTTP and WebSocket benches', () => {
  test('the median of an odd count is the middle value, of an even count the mean of the two', () => {
    expect(median([3, 1, 2])).toBe(2)
    expect(median([4, 1, 3, 2])).toBe(2.5)
    expect(median([])).toBeNaN()
  })

  test('ratios are taken per repetition, then summarised as median and min–max', () => {
    // Repetition 2 ran on a busier machine: both halved, its ratio is still 0.5.
    expect(summarizeRatios([50, 25, 60], [100, 50, 100])).toEqual({
      median: 0.5,
      min: 0.5,
      max: 0.6,
    })
  })

  test('a Brisk value without its peer value is refused', () => {
    expect(() => summarizeRatios([1, 2], [1])).toThrow('one peer value per Brisk value: 2 vs 1')
  })

  test('each repetition rotates the order by one', () => {
    const servers = ['brisk', 'hono'] as const
    expect([0, 1, 2].map((index) => rotated(servers, index))).toEqual([
      ['brisk', 'hono'],
      ['hono', 'brisk'],
      ['brisk', 'hono'],
    ])
    expect(rotated(['a', 'b', 'c'], 4)).toEqual(['b', 'c', 'a'])
  })

  test('a ratio prints as median with its range, a single run without one', () => {
    expect(formatRatio({ median: 0.8734, min: 0.81, max: 0.9 })).toBe('0.87× (0.81–0.90)')
    expect(formatRatio({ median: 1.2, min: 1.2, max: 1.2 })).toBe('1.20×')
    expect(formatRatio({ median: NaN, min: NaN, max: NaN })).toBe('–')
  })
})

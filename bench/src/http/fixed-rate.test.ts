import { describe, expect, test } from 'vitest'
import { chooseRate, fellBehind, roundDown } from './fixed-rate.ts'

describe('the fixed rate of the CPU measurement', () => {
  test('is half the slowest peer, rounded down to two significant digits', () => {
    // Express at 8,373 req/s sets the rate for every peer of the scenario.
    expect(chooseRate([70_810, 89_441, 8_373, 73_137])).toBe(4_100)
    expect(chooseRate([1_307, 1_445])).toBe(650)
  })

  test('stays within what the generator paces steadily and what a window can count', () => {
    expect(chooseRate([110_000, 109_000, 100_000])).toBe(20_000)
    expect(chooseRate([150, 300])).toBe(200)
  })

  test('ignores peers that answered nothing, and is undefined when none did', () => {
    expect(chooseRate([0, Number.NaN, 30_000])).toBe(15_000)
    expect(chooseRate([0])).toBeUndefined()
    expect(chooseRate([])).toBeUndefined()
  })

  test('rounding down keeps two significant digits', () => {
    expect([4_186, 57_999, 99, 7, 0.5, 0].map(roundDown)).toEqual([4_100, 57_000, 99, 7, 0, 0])
  })

  test('a run fell behind when under 97 % of the requests due were sent', () => {
    expect(fellBehind({ sent: 5_850, seconds: 1.5 }, 4_000)).toBe(false)
    expect(fellBehind({ sent: 5_800, seconds: 1.5 }, 4_000)).toBe(true)
  })
})

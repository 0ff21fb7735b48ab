import { describe, expect, test } from 'vitest'
import type { ResultEntry } from '../results.ts'
import { briskRatios, withBriskRatios } from './ratios.ts'

const entry = (
  framework: string,
  reps: { rps: number; cpu?: number | null }[],
  scenario = 'S2',
): ResultEntry => ({
  runtime: 'node',
  layer: 'http',
  scenario,
  framework,
  rps: 0,
  p99_ms: null,
  reps: reps.map(({ rps, cpu }) => ({ rps, p99_ms: null, cpu_at_rate_us: cpu ?? null })),
})

describe('Brisk ÷ a peer, repetition by repetition', () => {
  test('by req/s Brisk is the numerator; by CPU the peer is (above 1, Brisk spends less)', () => {
    const brisk = entry('Brisk', [
      { rps: 50, cpu: 20 },
      { rps: 25, cpu: 22 },
      { rps: 60, cpu: 21 },
    ])
    // Repetition 2 was on a busier machine: both halved, its req/s ratio is still 0.5.
    const hono = entry('Hono', [
      { rps: 100, cpu: 30 },
      { rps: 50, cpu: 33 },
      { rps: 100, cpu: 21 },
    ])
    expect(briskRatios(brisk, hono)).toEqual({
      rps: { median: 0.5, min: 0.5, max: 0.6 },
      cpu_at_rate: { median: 1.5, min: 1, max: 1.5 },
    })
  })

  test('a repetition missing either CPU reading is left out of the CPU ratio', () => {
    const brisk = entry('Brisk', [
      { rps: 10, cpu: 10 },
      { rps: 10, cpu: null },
    ])
    const peer = entry('Fastify', [
      { rps: 10, cpu: 12 },
      { rps: 10, cpu: 50 },
    ])
    expect(briskRatios(brisk, peer).cpu_at_rate).toEqual({ median: 1.2, min: 1.2, max: 1.2 })
    const none = entry('Express', [{ rps: 5 }, { rps: 5 }])
    expect(briskRatios(brisk, none).cpu_at_rate).toBeNull()
  })

  test('every peer of a scenario gets the ratios against that scenario’s Brisk, Brisk none', () => {
    const entries = withBriskRatios([
      entry('Brisk', [{ rps: 10, cpu: 10 }]),
      entry('Hono', [{ rps: 20, cpu: 5 }]),
      entry('Hono', [{ rps: 20, cpu: 5 }], 'S3'),
    ])
    expect(entries.map((each) => each.vs_brisk?.rps.median)).toEqual([undefined, 0.5, undefined])
    expect(entries[1]!.vs_brisk!.cpu_at_rate!.median).toBe(0.5)
  })
})

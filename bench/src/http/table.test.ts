import { describe, expect, test } from 'vitest'
import type { ResultEntry } from '../results.ts'
import { formatCpuAtRate, formatCpuTargets, formatTargets } from './table.ts'

const entry = (
  framework: string,
  scenario: string,
  reps: { rps: number; cpu: number; behind?: boolean }[],
): ResultEntry => {
  const sorted = (values: number[]) => [...values].sort((a, b) => a - b)[values.length >> 1]!
  return {
    runtime: 'node',
    layer: 'http',
    scenario,
    framework,
    rps: sorted(reps.map((rep) => rep.rps)),
    p99_ms: 1,
    rate_rps: 4_100,
    cpu_at_rate_us: sorted(reps.map((rep) => rep.cpu)),
    reps: reps.map((rep) => ({
      rps: rep.rps,
      p99_ms: 1,
      cpu_at_rate_us: rep.cpu,
      behind_at_rate: rep.behind ?? false,
    })),
  }
}

const entries = [
  entry('Brisk', 'S2', [
    { rps: 70_000, cpu: 20 },
    { rps: 35_000, cpu: 21 },
    { rps: 72_000, cpu: 19 },
  ]),
  entry('by hand', 'S2', [
    { rps: 90_000, cpu: 16 },
    { rps: 45_000, cpu: 16.8 },
    { rps: 88_000, cpu: 17.1 },
  ]),
  entry('Fastify', 'S2', [
    { rps: 73_000, cpu: 22 },
    { rps: 30_000, cpu: 21 },
    { rps: 75_000, cpu: 19, behind: true },
  ]),
]
const options = {
  frameworks: ['Brisk', 'by hand', 'Fastify'],
  scenarios: new Map([
    ['S2', 'GET /users/{id}'],
    ['S3', 'POST /items'],
  ]),
}

describe('the HTTP tables', () => {
  test('req/s targets show the median of the per-repetition ratios with their range', () => {
    const lines = formatTargets(entries, ['S2', 'S3'], options).split('\n')
    expect(lines[2]).toBe(
      '| S2 | 70,000 | Fastify 73,000 | **0.96×** (0.96–1.17) | missed | 88,000 | **0.78×** (0.78–0.82) | missed |',
    )
    expect(lines[3]).toBe('| S3 | not measured | | | n/a | | | n/a |')
  })

  test('CPU at the fixed rate: µs with range per framework, then Brisk ÷ that peer', () => {
    expect(formatCpuAtRate(entries, options).split('\n')).toEqual([
      '| scenario | rate req/s | Brisk | by hand | Fastify |',
      '|---|--:|--:|--:|--:|',
      '| S2 | 4,100 | 20.0 (19.0–21.0) | 16.8 (16.0–17.1) · 0.80× (0.80–0.90) | 21.0 (19.0–22.0) † · 1.00× (1.00–1.10) |',
    ])
  })

  test('CPU targets compare with the peer that spent the least and with by hand', () => {
    expect(formatCpuTargets(entries, ['S2'], options).split('\n')[2]).toBe(
      '| S2 | 4,100 | 20.0 | Fastify 21.0 | **1.00×** (1.00–1.10) | met | 16.8 | **0.80×** (0.80–0.90) | met |',
    )
  })

  test('without CPU readings the CPU tables say so', () => {
    const blind = entries.map((each) => ({ ...each, cpu_at_rate_us: null }))
    expect(formatCpuAtRate(blind, options)).toBe('(not measured: no /proc here)')
  })
})

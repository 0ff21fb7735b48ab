/** Turns measurements into the Markdown table printed at the end and saved as results/latest.md. */
import { median } from './measure.ts'

/** Per-round ns/req of a scenario's subject (A), baseline (B) and floor; rounds line up by index. */
export interface RouteSamples {
  route: string
  subject: string
  baseline: string
  /** The A/B throughput ratio A must reach. */
  goal: number
  subjectNs: readonly number[]
  baselineNs: readonly number[]
  floorNs: readonly number[]
  note: string
}

const format = (value: number) => Math.round(value).toLocaleString('en-US')
const ops = (values: readonly number[]) => (values.length ? format(1e9 / median(values)) : '—')
const nanos = (values: readonly number[]) => (values.length ? format(median(values)) : '—')

// Each round's A and B ran back to back, so their ratio cancels slow drift (other load, CPU
// boost); the median over rounds then drops the odd disturbed round.
function perRound(test: RouteSamples, aboveFloor: boolean): number[] {
  const { subjectNs, baselineNs, floorNs } = test
  return subjectNs.map((ns, i) => {
    const base = aboveFloor ? (floorNs[i] ?? 0) : 0
    return (baselineNs[i]! - base) / (ns - base)
  })
}

function ratios(test: RouteSamples, aboveFloor: boolean) {
  if (!test.subjectNs.length || !test.baselineNs.length) return '—'
  const each = perRound(test, aboveFloor)
  const range = `${Math.min(...each).toFixed(2)}–${Math.max(...each).toFixed(2)}`
  return `**${median(each).toFixed(2)}×** (${range})`
}

function verdict(test: RouteSamples) {
  if (!test.subjectNs.length || !test.baselineNs.length) return `≥ ${test.goal.toFixed(2)}×`
  const met = median(perRound(test, false)) >= test.goal
  return `≥ ${test.goal.toFixed(2)}× ${met ? 'met' : 'missed'}`
}

/**
 * The results table, one row per scenario: ops/s and ns/req of A and B (medians over rounds), the
 * no-framework floor, and the A/B throughput ratio (median of per-round ratios, with their range),
 * on total time and on time above the floor, against the scenario's goal. Above 1 means A is faster.
 */
export function formatTable(tests: readonly RouteSamples[]): string {
  const lines = [
    '| route | A vs B | A ops/s | B ops/s | A ns/req | B ns/req | floor ns/req | A/B | A/B above floor | goal | note |',
    '|---|---|--:|--:|--:|--:|--:|--:|--:|---|---|',
  ]
  for (const test of tests) {
    const cells = [
      test.route,
      `${test.subject} vs ${test.baseline}`,
      ops(test.subjectNs),
      ops(test.baselineNs),
      nanos(test.subjectNs),
      nanos(test.baselineNs),
    ]
    const compared = [nanos(test.floorNs), ratios(test, false), ratios(test, true), verdict(test)]
    lines.push(`| ${[...cells, ...compared, test.note].join(' | ')} |`)
  }
  return lines.join('\n')
}

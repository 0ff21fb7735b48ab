/** Turns measurements into the Markdown table printed at the end and saved as results/latest.md. */
import { median } from './measure.ts'

/** Per-round ns/req of each target for one route; rounds line up by index. */
export interface RouteSamples {
  route: string
  brisk: readonly number[]
  hono: readonly number[]
  floor: readonly number[]
  note: string
}

const format = (value: number) => Math.round(value).toLocaleString('en-US')
const ops = (values: readonly number[]) => (values.length ? format(1e9 / median(values)) : '—')
const nanos = (values: readonly number[]) => (values.length ? format(median(values)) : '—')

// Each round's Hono and Brisk ran back to back, so their ratio cancels slow drift (other load,
// CPU boost); the median over rounds then drops the odd disturbed round.
function ratios(test: RouteSamples, aboveFloor: boolean) {
  const { brisk, hono, floor } = test
  if (!brisk.length || !hono.length) return '—'
  const each = brisk.map((ns, i) => {
    const base = aboveFloor ? (floor[i] ?? 0) : 0
    return (hono[i]! - base) / (ns - base)
  })
  const range = `${Math.min(...each).toFixed(2)}–${Math.max(...each).toFixed(2)}`
  return `**${median(each).toFixed(2)}×** (${range})`
}

/**
 * The results table: ops/s and ns/req of each framework (medians over rounds), the no-framework
 * floor, and the Brisk/Hono throughput ratio (median of per-round ratios, with their range), on
 * total time and on time above the floor. Above 1 means Brisk is faster.
 */
export function formatTable(tests: readonly RouteSamples[]): string {
  const lines = [
    '| route | Brisk ops/s | Hono ops/s | Brisk ns/req | Hono ns/req | floor ns/req | Brisk/Hono | Brisk/Hono above floor | note |',
    '|---|--:|--:|--:|--:|--:|--:|--:|---|',
  ]
  for (const test of tests) {
    const cells = [test.route, ops(test.brisk), ops(test.hono), nanos(test.brisk), nanos(test.hono)]
    const compared = [nanos(test.floor), ratios(test, false), ratios(test, true)]
    lines.push(`| ${[...cells, ...compared, test.note].join(' | ')} |`)
  }
  return lines.join('\n')
}

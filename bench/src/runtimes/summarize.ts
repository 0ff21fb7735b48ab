/** Turns entry outputs into result rows and the markdown table printed for the runtimes layer. */
import { median } from '../measure.ts'
import type { EntryOutput } from './entry-output.ts'

/** One framework on one scenario in one runtime: medians over the counted rounds. */
export interface InprocRow {
  runtime: string
  scenario: string
  framework: string
  /** Requests per second (1e9 / median ns per request). */
  rps: number
  /** Median over rounds of each round's 99th-percentile time per request, in ms. */
  p99_ms: number
  /** Each round: requests per second and its 99th-percentile time in ms. */
  reps: { rps: number; p99_ms: number }[]
  /** Why it was not measured (contract failure), if it was not. */
  problems: string[]
}

/** One row per (scenario, framework) of an entry's output. */
export function toRows(output: EntryOutput): InprocRow[] {
  return output.results.map(({ scenario, framework, rounds, problems }) => ({
    runtime: output.runtime,
    scenario,
    framework,
    rps: rounds.length ? 1e9 / median(rounds.map((round) => round.avgNs)) : 0,
    p99_ms: rounds.length ? median(rounds.map((round) => round.p99Ns)) / 1e6 : 0,
    reps: rounds.map((round) => ({
      rps: Math.round(1e9 / round.avgNs),
      p99_ms: round.p99Ns / 1e6,
    })),
    problems,
  }))
}

const fmt = (value: number, digits = 0) =>
  value.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits })

/** Brisk's throughput over `framework`'s for one runtime and scenario (> 1: Brisk is faster). */
export function ratioToBrisk(rows: readonly InprocRow[], row: InprocRow): number | undefined {
  const brisk = rows.find(
    (other) =>
      other.runtime === row.runtime &&
      other.scenario === row.scenario &&
      other.framework === 'Brisk',
  )
  return brisk?.rps && row.rps ? brisk.rps / row.rps : undefined
}

/** A markdown table: scenario × framework with µs/op, ops/s, p99 and Brisk's ratio to each. */
export function formatRows(rows: readonly InprocRow[]): string {
  const lines = [
    '| runtime | scenario | framework | µs/op | ops/s | p99 µs | Brisk ÷ this | rounds (ops/s) |',
    '| --- | --- | --- | ---: | ---: | ---: | ---: | --- |',
  ]
  for (const row of rows) {
    if (row.problems.length) {
      lines.push(
        `| ${row.runtime} | ${row.scenario} | ${row.framework} | failed the contract: ${row.problems.join('; ')} | | | | |`,
      )
      continue
    }
    const ratio = ratioToBrisk(rows, row)
    lines.push(
      `| ${row.runtime} | ${row.scenario} | ${row.framework} | ${fmt(1e6 / row.rps, 2)} | ${fmt(row.rps)} | ${fmt(row.p99_ms * 1e3, 1)} | ${ratio === undefined ? '' : `${fmt(ratio, 2)}×`} | ${row.reps.map((rep) => fmt(rep.rps)).join(', ')} |`,
    )
  }
  return lines.join('\n')
}

/** Issue 6's in-process targets that these rows can answer, one line each. */
export function checkTargets(rows: readonly InprocRow[]): string[] {
  const lines: string[] = []
  const find = (runtime: string, scenario: string, framework: string) =>
    rows.find(
      (row) => row.runtime === runtime && row.scenario === scenario && row.framework === framework,
    )
  const versus = (runtime: string, scenario: string, framework: string, goal: number) => {
    const other = find(runtime, scenario, framework)
    const ratio = other && ratioToBrisk(rows, other)
    if (!ratio) return
    const verdict = ratio >= goal ? 'met' : 'missed'
    lines.push(
      `${runtime} ${scenario}: Brisk ${fmt(ratio, 2)}× ${framework} (target ≥ ${fmt(goal, 2)}×) ${verdict}`,
    )
  }
  for (const runtime of new Set(rows.map((row) => row.runtime))) {
    for (const scenario of ['S2', 'S3']) versus(runtime, scenario, 'Hono', 1)
    if (runtime === 'bun') versus(runtime, 'S4', 'Hono', 3)
    for (const scenario of ['S2', 'S3', 'S4']) versus(runtime, scenario, 'by hand', 0.8)
  }
  const brisk = find('bun', 'S2', 'Brisk')
  const elysia = find('bun', 'S2', 'Elysia')
  if (brisk?.rps && elysia?.rps) {
    const [ours, theirs] = [1e6 / brisk.rps, 1e6 / elysia.rps]
    lines.push(
      `bun S2: Brisk ${fmt(ours, 2)} µs/op vs Elysia ${fmt(theirs, 2)} µs/op (target ≤) ${ours <= theirs ? 'met' : 'missed'}`,
    )
  }
  return lines
}

/**
 * Markdown for one runtime and layer: a scenario × framework table (req/s, p99, ratio to Brisk), the
 * issue-6 targets (Brisk ≥ 1.0× the fastest peer, ≥ 0.8× by hand) by req/s, and the server's CPU
 * per request at a fixed rate with the same targets by CPU. Ratios are the median (min–max) of the
 * per-repetition ratios (`ratios.ts`). The matrix and req/s targets work on any layer's entries.
 */
import type { ResultEntry } from '../results.ts'
import { formatRatio, type RatioSummary } from '../summary.ts'
import { briskRatios } from './ratios.ts'

export interface TableOptions {
  /** Column order; frameworks not listed follow in the order met. */
  frameworks: readonly string[]
  /** Row titles by scenario id, in row order. */
  scenarios: ReadonlyMap<string, string>
  /** Scenario → framework → why it was not measured (contract failure). */
  notes?: ReadonlyMap<string, ReadonlyMap<string, string>>
  brisk?: string
  byHand?: string
}

const integer = (value: number) => Math.round(value).toLocaleString('en-US')
const ratio = (value: number) => `${value.toFixed(2)}×`

function columns(entries: readonly ResultEntry[], options: TableOptions) {
  const seen = entries.map((entry) => entry.framework)
  return [...new Set([...options.frameworks, ...seen])].filter((name) => seen.includes(name))
}

/** Rows: scenarios; columns: frameworks; each cell `req/s · p99 · framework/Brisk`. */
export function formatMatrix(entries: readonly ResultEntry[], options: TableOptions): string {
  const brisk = options.brisk ?? 'Brisk'
  const names = columns(entries, options)
  const lines = [`| scenario | ${names.join(' | ')} |`, `|---|${names.map(() => '--:').join('|')}|`]
  for (const [scenario, title] of options.scenarios) {
    const row = entries.filter((entry) => entry.scenario === scenario)
    if (!row.length && !options.notes?.get(scenario)?.size) continue
    const base = row.find((entry) => entry.framework === brisk)?.rps
    const cells = names.map((name) => {
      const entry = row.find((candidate) => candidate.framework === name)
      if (!entry) return options.notes?.get(scenario)?.get(name) ?? '—'
      const p99 = entry.p99_ms === null ? '' : ` · ${entry.p99_ms.toFixed(1)} ms`
      return `${integer(entry.rps)}${p99}${base ? ` · ${ratio(entry.rps / base)}` : ''}`
    })
    lines.push(`| ${scenario} ${title} | ${cells.join(' | ')} |`)
  }
  return lines.join('\n')
}

/** The ratio in bold with its range; the plain ratio of the medians when no repetition pairs. */
function shown(summary: RatioSummary, fallback: number): { text: string; value: number } {
  if (Number.isFinite(summary.median)) {
    const [head, ...range] = formatRatio(summary).split(' ')
    return { text: [`**${head}**`, ...range].join(' '), value: summary.median }
  }
  return Number.isFinite(fallback)
    ? { text: `**${ratio(fallback)}**`, value: fallback }
    : { text: '—', value: Number.NaN }
}

const verdict = (value: number, goal: number) =>
  Number.isFinite(value) ? (value >= goal ? 'met' : 'missed') : 'n/a'

/** Brisk ÷ other by req/s, and whether it reaches `goal`. */
function compareRps(subject: ResultEntry, other: ResultEntry | undefined, goal: number) {
  if (!other) return { value: '—', verdict: 'n/a' }
  const { text, value } = shown(briskRatios(subject, other).rps, subject.rps / other.rps)
  return { value: text, verdict: verdict(value, goal) }
}

/** One row per target scenario: Brisk against the fastest peer (goal 1.0×) and by hand (0.8×). */
export function formatTargets(
  entries: readonly ResultEntry[],
  targetScenarios: readonly string[],
  options: TableOptions,
): string {
  const brisk = options.brisk ?? 'Brisk'
  const byHand = options.byHand ?? 'by hand'
  const lines = [
    '| scenario | Brisk req/s | fastest peer | Brisk ÷ fastest peer | ≥ 1.0× | by hand req/s | Brisk ÷ by hand | ≥ 0.8× |',
    '|---|--:|--:|--:|---|--:|--:|---|',
  ]
  for (const scenario of targetScenarios) {
    const row = entries.filter((entry) => entry.scenario === scenario)
    const subject = row.find((entry) => entry.framework === brisk)
    if (!subject) {
      lines.push(`| ${scenario} | not measured | | | n/a | | | n/a |`)
      continue
    }
    const peers = row.filter((entry) => entry.framework !== brisk && entry.framework !== byHand)
    const fastest = peers.sort((a, b) => b.rps - a.rps)[0]
    const hand = row.find((entry) => entry.framework === byHand)
    const vsPeer = compareRps(subject, fastest, 1)
    const vsHand = compareRps(subject, hand, 0.8)
    const cells = [
      integer(subject.rps),
      fastest ? `${fastest.framework} ${integer(fastest.rps)}` : '—',
      vsPeer.value,
      vsPeer.verdict,
      hand ? integer(hand.rps) : '—',
      vsHand.value,
      vsHand.verdict,
    ]
    lines.push(`| ${scenario} | ${cells.join(' | ')} |`)
  }
  return lines.join('\n')
}

const micros = (value: number) => (value >= 100 ? value.toFixed(0) : value.toFixed(1))

/** The repetitions' CPU µs at the fixed rate, with `†` when any fell behind its rate. */
function cpuCell(entry: ResultEntry): string {
  const each = entry.reps.flatMap((rep) =>
    typeof rep.cpu_at_rate_us === 'number' ? [rep.cpu_at_rate_us] : [],
  )
  const behind = entry.reps.some((rep) => rep.behind_at_rate) ? ' †' : ''
  const range =
    each.length > 1 ? ` (${micros(Math.min(...each))}–${micros(Math.max(...each))})` : ''
  return `${micros(entry.cpu_at_rate_us!)}${range}${behind}`
}

const hasCpu = (entry: ResultEntry | undefined): entry is ResultEntry =>
  typeof entry?.cpu_at_rate_us === 'number'

/**
 * Rows: scenarios, with the fixed rate; columns: frameworks. Brisk's cell: its CPU µs per request
 * (min–max over repetitions); each peer's: its µs, then Brisk ÷ it (the peer's µs ÷ Brisk's, per
 * repetition: above 1, Brisk spends less). `†`: a repetition fell behind the rate.
 */
export function formatCpuAtRate(entries: readonly ResultEntry[], options: TableOptions): string {
  const brisk = options.brisk ?? 'Brisk'
  const names = columns(entries, options)
  const lines = [
    `| scenario | rate req/s | ${names.join(' | ')} |`,
    `|---|--:|${names.map(() => '--:').join('|')}|`,
  ]
  for (const [scenario] of options.scenarios) {
    const row = entries.filter((entry) => entry.scenario === scenario)
    if (!row.some(hasCpu)) continue
    const subject = row.find((entry) => entry.framework === brisk)
    const rate = row.find((entry) => typeof entry.rate_rps === 'number')?.rate_rps
    const cells = names.map((name) => {
      const entry = row.find((candidate) => candidate.framework === name)
      if (!hasCpu(entry)) return options.notes?.get(scenario)?.get(name) ?? '—'
      if (!hasCpu(subject) || entry === subject) return cpuCell(entry)
      const versus = briskRatios(subject, entry).cpu_at_rate
      return versus ? `${cpuCell(entry)} · ${formatRatio(versus)}` : cpuCell(entry)
    })
    lines.push(`| ${scenario} | ${rate ? integer(rate) : '—'} | ${cells.join(' | ')} |`)
  }
  return lines.length > 2 ? lines.join('\n') : '(not measured: no /proc here)'
}

/** Brisk ÷ other by CPU at the fixed rate (other's µs ÷ Brisk's), and whether it reaches `goal`. */
function compareCpu(subject: ResultEntry, other: ResultEntry | undefined, goal: number) {
  if (!other) return { value: '—', verdict: 'n/a' }
  const versus = briskRatios(subject, other).cpu_at_rate
  const { text, value } = shown(
    versus ?? { median: Number.NaN, min: Number.NaN, max: Number.NaN },
    other.cpu_at_rate_us! / subject.cpu_at_rate_us!,
  )
  return { value: text, verdict: verdict(value, goal) }
}

/**
 * The issue-13 targets by CPU per request at the fixed rate: Brisk against the peer that spent the
 * least (goal 1.0×) and against by hand (0.8×); a ratio above 1 means Brisk spent less.
 */
export function formatCpuTargets(
  entries: readonly ResultEntry[],
  targetScenarios: readonly string[],
  options: TableOptions,
): string {
  const brisk = options.brisk ?? 'Brisk'
  const byHand = options.byHand ?? 'by hand'
  const lines = [
    '| scenario | rate req/s | Brisk µs/req | cheapest peer µs/req | Brisk ÷ cheapest peer | ≥ 1.0× | by hand µs/req | Brisk ÷ by hand | ≥ 0.8× |',
    '|---|--:|--:|--:|--:|---|--:|--:|---|',
  ]
  for (const scenario of targetScenarios) {
    const row = entries.filter((entry) => entry.scenario === scenario && hasCpu(entry))
    const subject = row.find((entry) => entry.framework === brisk)
    if (!subject) {
      if (entries.some((entry) => entry.scenario === scenario)) {
        lines.push(`| ${scenario} | | not measured | | | n/a | | | n/a |`)
      }
      continue
    }
    const peers = row.filter((entry) => entry.framework !== brisk && entry.framework !== byHand)
    const cheapest = peers.sort((a, b) => a.cpu_at_rate_us! - b.cpu_at_rate_us!)[0]
    const hand = row.find((entry) => entry.framework === byHand)
    const vsPeer = compareCpu(subject, cheapest, 1)
    const vsHand = compareCpu(subject, hand, 0.8)
    const cells = [
      subject.rate_rps ? integer(subject.rate_rps) : '—',
      micros(subject.cpu_at_rate_us!),
      cheapest ? `${cheapest.framework} ${micros(cheapest.cpu_at_rate_us!)}` : '—',
      vsPeer.value,
      vsPeer.verdict,
      hand ? micros(hand.cpu_at_rate_us!) : '—',
      vsHand.value,
      vsHand.verdict,
    ]
    lines.push(`| ${scenario} | ${cells.join(' | ')} |`)
  }
  return lines.length > 2 ? lines.join('\n') : '(not measured: no /proc here)'
}

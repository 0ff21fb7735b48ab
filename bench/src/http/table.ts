/**
 * Markdown for one runtime and layer: a scenario × framework table (req/s, p99, ratio to Brisk) and
 * the issue-6 targets (Brisk ≥ 1.0× the fastest peer, ≥ 0.8× by hand). Works on any layer's entries.
 */
import { median } from '../measure.ts'
import type { ResultEntry } from '../results.ts'

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

// Repetitions ran interleaved, so rep i of Brisk and rep i of a peer saw the same conditions.
function perRep(subject: ResultEntry, other: ResultEntry): number[] {
  return subject.reps.map((rep, i) => rep.rps / (other.reps[i]?.rps ?? Number.NaN))
}

/** Brisk ÷ other, median of the per-rep ratios (range), and whether it reaches `goal`. */
function compare(subject: ResultEntry, other: ResultEntry | undefined, goal: number) {
  if (!other) return { value: '—', verdict: 'n/a' }
  const each = perRep(subject, other).filter(Number.isFinite)
  const value = each.length ? median(each) : subject.rps / other.rps
  const range = each.length > 1 ? ` (${ratio(Math.min(...each))}–${ratio(Math.max(...each))})` : ''
  return { value: `**${ratio(value)}**${range}`, verdict: value >= goal ? 'met' : 'missed' }
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
    const vsPeer = compare(subject, fastest, 1)
    const vsHand = compare(subject, hand, 0.8)
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

/** Rows: scenarios; columns: frameworks; each cell the server's CPU µs per request (range). */
export function formatCpu(entries: readonly ResultEntry[], options: TableOptions): string {
  const names = columns(entries, options)
  const lines = [`| scenario | ${names.join(' | ')} |`, `|---|${names.map(() => '--:').join('|')}|`]
  for (const [scenario] of options.scenarios) {
    const row = entries.filter((entry) => entry.scenario === scenario)
    if (!row.some((entry) => typeof entry.cpu_us === 'number')) continue
    const cells = names.map((name) => {
      const entry = row.find((candidate) => candidate.framework === name)
      if (typeof entry?.cpu_us !== 'number') return '—'
      const each = entry.reps.flatMap((rep) => (typeof rep.cpu_us === 'number' ? [rep.cpu_us] : []))
      const range =
        each.length > 1 ? ` (${Math.min(...each).toFixed(1)}–${Math.max(...each).toFixed(1)})` : ''
      return `${entry.cpu_us.toFixed(1)}${range}`
    })
    lines.push(`| ${scenario} | ${cells.join(' | ')} |`)
  }
  return lines.length > 2 ? lines.join('\n') : '(not measured: no /proc here)'
}

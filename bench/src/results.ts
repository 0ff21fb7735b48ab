/**
 * `results/latest.json`: every layer (HTTP, in-process; Node, Bun, Deno) records its results here.
 * `recordResults` merges: an entry replaces the earlier one with the same runtime, layer, scenario
 * and framework; the others stay. `writeSection` does the same for a titled part of `latest.md`.
 */
import { mkdir, readFile, writeFile } from 'node:fs/promises'
import { cpus, loadavg } from 'node:os'
import type { RatioSummary } from './summary.ts'

/** One measured (runtime, layer, scenario, framework) cell. */
export interface ResultEntry {
  runtime: 'node' | 'bun' | 'deno' | (string & {})
  layer: 'http' | 'inproc'
  /** `S1`…`S8`. */
  scenario: string
  framework: string
  /** Median requests per second over the repetitions. */
  rps: number
  /** Median p99 latency in ms over the repetitions (HTTP); `null` where not measured. */
  p99_ms: number | null
  /**
   * HTTP: the server's CPU time (user + system) per answered request in µs, median over the
   * repetitions; `null` or absent where not measured.
   */
  cpu_us?: number | null
  /** HTTP: the fixed rate (req/s) of the CPU measurement, the same for every peer of the scenario. */
  rate_rps?: number | null
  /** HTTP: the server's CPU µs per request at `rate_rps`, median over the repetitions. */
  cpu_at_rate_us?: number | null
  /** Every counted repetition, in run order. */
  reps: {
    rps: number
    p99_ms: number | null
    cpu_us?: number | null
    cpu_at_rate_us?: number | null
    /** The paced run fell behind its rate (the server or the machine could not keep up). */
    behind_at_rate?: boolean
  }[]
  /**
   * HTTP, every peer but Brisk: Brisk ÷ this peer in each repetition, as median and min–max — by
   * req/s, and by CPU at the fixed rate (this peer's µs ÷ Brisk's: above 1, Brisk spends less).
   */
  vs_brisk?: { rps: RatioSummary; cpu_at_rate: RatioSummary | null }
  /** The command that produced it (e.g. `npm run bench -- --quick`). */
  command?: string
  date?: string
}

/** The file's schema. */
export interface ResultsFile {
  /** CPU model × count, load average when written. */
  machine: string
  date: string
  results: ResultEntry[]
}

const directory = new URL('../results/', import.meta.url)
const jsonFile = new URL('latest.json', directory)
const mdFile = new URL('latest.md', directory)

/** This machine, for the file header. */
export function machineDescription(): string {
  const load = loadavg()
    .map((value) => value.toFixed(2))
    .join(' ')
  return `${cpus()[0]?.model ?? 'unknown cpu'} × ${cpus().length} · load average ${load}`
}

/** The current file, or an empty one. */
export async function readResults(): Promise<ResultsFile> {
  try {
    return JSON.parse(await readFile(jsonFile, 'utf8')) as ResultsFile
  } catch {
    return { machine: machineDescription(), date: new Date().toISOString(), results: [] }
  }
}

const keyOf = (entry: ResultEntry) =>
  `${entry.runtime} ${entry.layer} ${entry.scenario} ${entry.framework}`

/** Merges `entries` into `results/latest.json` and returns the merged file. */
export async function recordResults(entries: readonly ResultEntry[]): Promise<ResultsFile> {
  const file = await readResults()
  const date = new Date().toISOString()
  const replaced = new Set(entries.map(keyOf))
  const results = [
    ...file.results.filter((entry) => !replaced.has(keyOf(entry))),
    ...entries.map((entry) => ({ ...entry, date: entry.date ?? date })),
  ]
  const merged = { machine: machineDescription(), date, results }
  await mkdir(directory, { recursive: true })
  await writeFile(jsonFile, `${JSON.stringify(merged, null, 2)}\n`)
  return merged
}

/** Replaces (or appends) the section `id` of `results/latest.md` with `markdown`. */
export async function writeSection(id: string, markdown: string): Promise<void> {
  const start = `<!-- section:${id} -->`
  const end = `<!-- /section:${id} -->`
  const block = `${start}\n${markdown.trim()}\n${end}`
  const current = await readFile(mdFile, 'utf8').catch(() => '')
  const from = current.indexOf(start)
  const to = current.indexOf(end)
  const next =
    from !== -1 && to > from
      ? current.slice(0, from) + block + current.slice(to + end.length)
      : `${current.trimEnd()}\n\n${block}\n`
  await mkdir(directory, { recursive: true })
  await writeFile(mdFile, next.trimStart())
}

/** The markdown section one runtime's HTTP run writes to `results/latest.md`. */
import { loadavg } from 'node:os'
import { machineDescription, type ResultEntry } from '../results.ts'
import { rateChoice } from './fixed-rate.ts'
import { pinning } from './processes.ts'
import { formatCpuAtRate, formatCpuTargets, formatMatrix, formatTargets } from './table.ts'
import type { HttpPeer, HttpRuntime } from './web-peers.ts'

const titles: Record<HttpRuntime, string> = { node: 'Node', bun: 'Bun', deno: 'Deno' }

/** What the report says about the run besides its entries. */
export interface HttpRun {
  runtime: HttpRuntime
  version: string
  peers: readonly HttpPeer[]
  /** Scenario id → row title, in row order. */
  scenarios: ReadonlyMap<string, string>
  /** Whether only some scenarios ran (`--only`). */
  partial: boolean
  targetScenarios: readonly string[]
  command: string
  settings: string
  loadAtStart: string
  setupNotes: readonly string[]
}

const load = () =>
  loadavg()
    .map((value) => value.toFixed(2))
    .join(' ')

/** The section: settings, req/s matrix and targets, CPU at the fixed rate and its targets. */
export function renderHttpReport(
  entries: readonly ResultEntry[],
  notes: ReadonlyMap<string, ReadonlyMap<string, string>>,
  problems: readonly string[],
  run: HttpRun,
): string {
  const options = {
    frameworks: run.peers.map((peer) => peer.label),
    scenarios: run.scenarios,
    notes,
  }
  const title = titles[run.runtime]
  const serving =
    run.runtime === 'node' ? 'Node' : `${title} (\`${title}.serve\`; Elysia: its own \`listen\`)`
  const byHand =
    run.runtime === 'node'
      ? ''
      : ' By hand: one `fetch` handler written out (`peers/by-hand-web.ts`), not run on S1.'
  const behind = entries.some((entry) => entry.reps.some((rep) => rep.behind_at_rate))
  return [
    `## HTTP · ${title}${run.partial ? ` · ${[...run.scenarios.keys()].join(', ')}` : ''}`,
    '',
    `\`${run.command}\` · ${new Date().toISOString()} · ${run.version} · ${machineDescription()} (at start: ${run.loadAtStart}, at end: ${load()})`,
    '',
    `Each server in its own ${serving} process${pinning ? ' on CPU 0, the load generator (Node) on CPU 1' : ''}, 127.0.0.1, keep-alive; ${run.settings}. Each repetition starts every server afresh and runs the peers of a scenario back to back, their order rotated by one each repetition. Cell: median req/s · median p99 · req/s ÷ Brisk's.${byHand}`,
    '',
    formatMatrix(entries, options),
    '',
    'Targets by req/s (issue 6; S7/S8: Brisk ≥ 1.0× Fastify): Brisk ÷ the fastest peer ≥ 1.0× and Brisk ÷ by hand ≥ 0.8×; median of the per-repetition ratios (min–max).',
    '',
    formatTargets(entries, run.targetScenarios, options),
    '',
    `Server CPU time per request at a fixed rate: every peer of a scenario is sent the same requests/s — ${rateChoice.fraction} × the slowest peer's saturated req/s in the first repetition, rounded down to two significant digits, at most ${rateChoice.cap.toLocaleString('en-US')} — spread evenly over the connections, and the server process's CPU time (user + system, every thread: \`/proc/<pid>/task/*/schedstat\`) over the counted window is divided by the requests it answered. µs per request, median (min–max) of the repetitions; after a peer's µs, Brisk ÷ that peer (its µs ÷ Brisk's, per repetition: above 1, Brisk spends less).${behind ? ' †: in a repetition the server fell behind the rate (the CPU is then that of a saturated server).' : ''}`,
    '',
    formatCpuAtRate(entries, options),
    '',
    'Targets by CPU at the fixed rate (issue 13): Brisk ÷ the peer that spent the least ≥ 1.0×, Brisk ÷ by hand ≥ 0.8×.',
    '',
    formatCpuTargets(entries, run.targetScenarios, options),
    ...(run.setupNotes.length ? ['', ...run.setupNotes.map((line) => `- ${line}`)] : []),
    ...(problems.length
      ? ['', 'Not measured:', '', ...problems.map((problem) => `- ${problem}`)]
      : []),
  ].join('\n')
}

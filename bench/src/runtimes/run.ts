/**
 * The in-process layer on Node, Bun and Deno: runs `inproc-entry.ts` in Bun and Deno (and Node from
 * `dist`), each in its own process bounded in time, prints the table and the targets, writes
 * its section of `results/latest.md` and records the rows in `results/latest.json` (layer `inproc`).
 *
 * Standalone: `node dist/runtimes/run.js [--quick] [--runtimes=bun,deno]` from `bench/`.
 */
import { loadavg } from 'node:os'
import { recordResults, writeSection } from '../results.ts'
import { spawnEntry } from './spawn-entry.ts'
import { checkTargets, formatRows, type InprocRow, toRows } from './summarize.ts'

/** Runs every runtime in `runtimes`, one after the other; a runtime that fails is reported. */
export async function runRuntimes(options: { quick: boolean; runtimes: readonly string[] }) {
  const { quick, runtimes } = options
  // A full entry takes ~45–55 s (inproc-entry.ts); the bound leaves room for a loaded machine.
  const timeoutMs = quick ? 90_000 : 300_000
  const load = loadavg().map((value) => value.toFixed(2))
  console.log(`\nin-process on ${runtimes.join(', ')} · load average ${load.join(' ')}`)
  const rows: InprocRow[] = []
  const versions: string[] = []
  for (const runtime of runtimes) {
    try {
      const output = await spawnEntry(runtime, quick, timeoutMs)
      versions.push(`${runtime} ${output.version}`)
      rows.push(...toRows(output))
    } catch (error) {
      console.log(`${runtime}: not measured: ${error instanceof Error ? error.message : error}`)
    }
  }
  const table = formatRows(rows)
  const targets = checkTargets(rows)
  console.log(`\n${table}\n\n${targets.join('\n')}\n`)
  const args = process.argv.slice(2).join(' ')
  const command = process.argv[1]?.endsWith('runtimes/run.js')
    ? `node dist/runtimes/run.js ${args}`.trim()
    : `npm run bench${args ? ` -- ${args}` : ''}`
  const header = `## In-process on ${runtimes.join(', ')}\n\n\`${command}\` · ${new Date().toISOString()} · ${versions.join(', ')} · load average ${load.join(' ')}\n`
  await writeSection(
    'inproc-runtimes',
    `${header}\n${table}\n\n${targets.map((line) => `- ${line}`).join('\n')}\n`,
  )
  const date = new Date().toISOString()
  await recordResults(
    rows
      .filter((row) => row.framework !== 'floor' && row.problems.length === 0)
      .map((row) => ({
        runtime: row.runtime,
        layer: 'inproc',
        scenario: row.scenario,
        framework: row.framework,
        rps: Math.round(row.rps),
        p99_ms: row.p99_ms,
        reps: row.reps,
        command,
        date,
      })),
  )
  console.log('recorded in bench/results/latest.json and latest.md')
  return rows
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const runtimesArg = process.argv.find((arg) => arg.startsWith('--runtimes='))?.slice(11)
  await runRuntimes({
    quick: process.argv.includes('--quick'),
    runtimes: runtimesArg ? runtimesArg.split(',') : ['node', 'bun', 'deno'],
  })
}

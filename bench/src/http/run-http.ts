/**
 * The HTTP layer on Node, Bun or Deno: starts every peer's server (CPU 0) and one load generator
 * (autocannon on Node, CPU 1), checks the contract, then per (scenario, peer) a warm-up and
 * interleaved repetitions; records the medians in `results/latest.json` and the tables in
 * `results/latest.md`. Node serves every peer (`serve.ts`); Bun and Deno serve Brisk, by hand, Hono
 * and (Bun) Elysia (`serve-web.ts`, `web-peers.ts`).
 */
import { spawnSync } from 'node:child_process'
import { loadavg } from 'node:os'
import { median } from '../measure.ts'
import { type PeerSetup, peers, type ScenarioId } from '../peers/index.ts'
import { machineDescription, type ResultEntry, recordResults, writeSection } from '../results.ts'
import { type HttpCase, httpCases } from './cases.ts'
import { checkHttpContract } from './contract.ts'
import type { LoadResult } from './load.ts'
import { type LoadProcess, startLoadGenerator } from './load-process.ts'
import { cpuSeconds, pinning } from './processes.ts'
import { runtimeBinary, type ServerProcess, startServer } from './server-process.ts'
import { formatCpu, formatMatrix, formatTargets } from './table.ts'
import { type HttpPeer, type HttpRuntime, webPeers } from './web-peers.ts'

/** How long each run lasts. */
export interface HttpBudget {
  warmupSeconds: number
  seconds: number
  reps: number
  connections: number
}

// Node: 37 (scenario, peer) pairs. Full: S2–S6 (29 pairs) 1.5 s + 3 × 2 s, S1 (8 pairs, no target)
// one repetition, ≈ 29 × 7.5 s + 8 × 3.5 s ≈ 4.1 min; quick ≈ 37 × 0.9 s ≈ 35 s.
export const fullHttpBudget: HttpBudget = {
  warmupSeconds: 1.5,
  seconds: 2,
  reps: 3,
  connections: 32,
}
export const quickHttpBudget: HttpBudget = {
  warmupSeconds: 0.15,
  seconds: 0.75,
  reps: 1,
  connections: 32,
}

// Bun and Deno: 33 pairs (by hand skips S1) on top of Node's 37, inside the same 10-minute run,
// so shorter runs: full ≈ 28 × 2.75 s + 5 × 1.25 s ≈ 83 s, quick ≈ 33 × 0.65 s ≈ 21 s (plus
// ~0.1 s per job).
export const fullWebHttpBudget: HttpBudget = {
  warmupSeconds: 0.5,
  seconds: 0.75,
  reps: 3,
  connections: 32,
}
export const quickWebHttpBudget: HttpBudget = {
  warmupSeconds: 0.15,
  seconds: 0.5,
  reps: 1,
  connections: 32,
}

/** The budget for `runtime`: Node's runs are longer than Bun's and Deno's. */
export function httpBudget(runtime: HttpRuntime, quick: boolean): HttpBudget {
  if (runtime === 'node') return quick ? quickHttpBudget : fullHttpBudget
  return quick ? quickWebHttpBudget : fullWebHttpBudget
}

const titles: Record<HttpRuntime, string> = { node: 'Node', bun: 'Bun', deno: 'Deno' }

/** `node v20…`, `bun 1.…`, `deno 2.…`: the version of the runtime serving the peers. */
function runtimeVersion(runtime: HttpRuntime): string {
  if (runtime === 'node') return `node ${process.version}`
  const output = spawnSync(runtimeBinary(runtime), ['--version'], { encoding: 'utf8' }).stdout ?? ''
  const version = /\d+\.\d+\.\d+/.exec(output)?.[0] ?? 'unknown'
  return `${runtime} ${version}`
}

/** The scenarios the issues set targets on (S7/S8: Brisk's shop ≥ 1.0× Fastify). */
export const targetScenarios: readonly ScenarioId[] = ['S2', 'S3', 'S4', 'S6', 'S7', 'S8']

/** Repetitions of a scenario: S1 has no target, so one is enough to fill its row. */
export const repsOf = (scenario: ScenarioId, budget: HttpBudget) =>
  targetScenarios.includes(scenario) ? budget.reps : Math.min(budget.reps, 1)

/** One run's load result and the server's CPU time per answered request (µs), when known. */
type Measured = LoadResult & { cpu_us: number | null }

interface Pair {
  test: HttpCase
  peer: HttpPeer
  server: ServerProcess
  reps: Measured[]
}

const integer = (value: number) => Math.round(value).toLocaleString('en-US')

/**
 * Runs the HTTP layer on `runtime` (default Node); returns the recorded entries. `only` limits it
 * to those scenarios (and the peers serving them); scenarios no peer of the runtime serves are
 * left out.
 */
export async function runHttpBench(options: {
  quick: boolean
  runtime?: HttpRuntime
  only?: readonly string[]
}): Promise<ResultEntry[]> {
  const runtime = options.runtime ?? 'node'
  const { only } = options
  const allPeers: readonly HttpPeer[] = runtime === 'node' ? peers : webPeers[runtime]
  const cases = httpCases.filter(
    (test) =>
      (!only || only.includes(test.scenario)) &&
      allPeers.some((peer) => peer.scenarios.includes(test.scenario)),
  )
  const peerList = allPeers.filter((peer) =>
    cases.some((test) => peer.scenarios.includes(test.scenario)),
  )
  if (cases.length === 0) {
    console.log(`\nHTTP on ${runtime}: none of ${only?.join(', ')} here; skipped`)
    return []
  }
  const version = runtimeVersion(runtime)
  const budget = httpBudget(runtime, options.quick)
  const loadAtStart = loadavg()
    .map((value) => value.toFixed(2))
    .join(' ')
  const longer = cases.filter((test) => (test.warmupScale ?? 1) !== 1)
  const longerWarmups = longer.map(
    (test) => `; ${test.scenario}: ${budget.warmupSeconds * test.warmupScale!} s warm-up`,
  )
  const settings = `${budget.reps} × ${budget.seconds} s after a ${budget.warmupSeconds} s warm-up (S1: ${repsOf('S1', budget)} ×${longerWarmups.join('')}), ${budget.connections} connections`
  console.log(
    `\nHTTP on ${version} · ${settings} · pinned: ${pinning ? 'server CPU 0, load CPU 1' : 'no (taskset missing)'}`,
  )

  const servers = new Map<HttpPeer, ServerProcess>()
  const setups = new Map<HttpPeer, PeerSetup>()
  const notes = new Map<string, Map<string, string>>()
  const note = (scenario: string, peer: HttpPeer, text: string) =>
    notes.set(scenario, (notes.get(scenario) ?? new Map()).set(peer.label, text))
  const problems: string[] = []
  let generator: LoadProcess | undefined
  try {
    // Started together (startup is mostly module loading); idle servers cost the others nothing.
    await Promise.all(
      peerList.map(async (peer) => {
        try {
          const setup = await peer.setup?.()
          if (setup) setups.set(peer, setup)
          servers.set(peer, await startServer(peer.id, { runtime, env: setup?.env ?? {} }))
        } catch (error) {
          problems.push(`${peer.label}: did not start: ${String(error)}`)
        }
      }),
    )
    for (const peer of peerList) {
      const server = servers.get(peer)
      console.log(
        `${`${peer.label} (${peer.id})`.padEnd(30)} ${server ? `pid ${server.pid} · ${server.origin}` : 'did not start'}`,
      )
    }

    const pairs: Pair[] = []
    for (const test of cases) {
      for (const peer of peerList) {
        const server = servers.get(peer)
        if (!peer.scenarios.includes(test.scenario)) {
          // Two peers may share a column (Brisk's shop is 'Brisk' on S7/S8 only).
          const served = peerList.some(
            (other) => other.label === peer.label && other.scenarios.includes(test.scenario),
          )
          if (!served) note(test.scenario, peer, 'n/a')
          continue
        }
        if (!server) continue
        const failures = await checkHttpContract(server.origin, test)
        console.log(
          `contract ${test.scenario} ${peer.label.padEnd(18)}: ${failures.length ? 'FAIL' : 'ok'}`,
        )
        for (const failure of failures) console.log(`  ${failure}`)
        if (failures.length) {
          note(test.scenario, peer, 'failed contract')
          problems.push(
            `${test.scenario} ${peer.label} failed the contract: ${failures.join('; ')}`,
          )
        } else pairs.push({ test, peer, server, reps: [] })
      }
    }

    generator = startLoadGenerator(1)
    const total = pairs.reduce((sum, pair) => sum + 1 + repsOf(pair.test.scenario, budget), 0)
    let step = 0
    const measure = async (pair: Pair, seconds: number, label: string) => {
      step++
      const job = {
        url: pair.server.origin,
        request: pair.test.request,
        connections: budget.connections,
        seconds,
      }
      let result: LoadResult
      const cpuBefore = cpuSeconds(pair.server.pid)
      try {
        result = await generator!.run(job)
      } catch (error) {
        // A generator that missed its deadline may still answer late: start a fresh one.
        await generator!.stop()
        generator = startLoadGenerator(1)
        result = { rps: 0, p99_ms: 0, requests: 0, failures: 1 }
        console.log(`  ${String(error)}`)
      }
      const cpuAfter = cpuSeconds(pair.server.pid)
      const cpu_us =
        cpuBefore === undefined || cpuAfter === undefined || result.requests === 0
          ? null
          : ((cpuAfter - cpuBefore) * 1e6) / result.requests
      const where = `[${step}/${total}] ${label} ${pair.test.scenario} ${pair.peer.label}`
      const failed = result.failures ? ` · ${result.failures} failed requests` : ''
      const cpu = cpu_us === null ? '' : ` · ${cpu_us.toFixed(1)} µs CPU/req`
      console.log(
        `${where.padEnd(44)} ${integer(result.rps).padStart(7)} req/s · p99 ${result.p99_ms.toFixed(1)} ms${cpu}${failed}`,
      )
      return { ...result, cpu_us }
    }

    for (const pair of pairs) {
      await measure(pair, budget.warmupSeconds * (pair.test.warmupScale ?? 1), 'warm-up')
    }
    for (let rep = 1; rep <= budget.reps; rep++) {
      // Alternate the order so drift (other load, thermal) does not favour one end of the list.
      for (const pair of rep % 2 ? pairs : [...pairs].reverse()) {
        if (rep > repsOf(pair.test.scenario, budget)) continue
        pair.reps.push(await measure(pair, budget.seconds, `rep ${rep}/${budget.reps}`))
      }
    }

    const command = `npm run bench${commandFlags(options.quick, only)}`
    const entries: ResultEntry[] = []
    for (const pair of pairs) {
      if (pair.reps.some((rep) => rep.failures > 0)) {
        note(pair.test.scenario, pair.peer, 'errors under load')
        problems.push(
          `${pair.test.scenario} ${pair.peer.label}: failed requests under load; not reported`,
        )
        continue
      }
      entries.push({
        runtime,
        layer: 'http',
        scenario: pair.test.scenario,
        framework: pair.peer.label,
        rps: median(pair.reps.map((rep) => rep.rps)),
        p99_ms: median(pair.reps.map((rep) => rep.p99_ms)),
        cpu_us: medianOrNull(pair.reps.map((rep) => rep.cpu_us)),
        reps: pair.reps.map((rep) => ({ rps: rep.rps, p99_ms: rep.p99_ms, cpu_us: rep.cpu_us })),
        command,
      })
    }

    // The servers stop first, so what a setup reports (a database's rows) is final.
    await Promise.all([...servers.values()].map((server) => server.stop()))
    const setupNotes = [...setups].flatMap(([peer, setup]) =>
      setup.describe ? [`${peer.label} (${peer.id}): ${setup.describe()}`] : [],
    )
    const markdown = report(entries, notes, problems, {
      runtime,
      version,
      peers: peerList,
      cases,
      command,
      settings,
      loadAtStart,
      setupNotes,
    })
    console.log(`\n${markdown}\n`)
    await recordResults(entries)
    const section = only ? `http-${runtime}-${only.join('-')}` : `http-${runtime}`
    await writeSection(section, markdown)
    console.log(
      `wrote bench/results/latest.json and the ${section} section of bench/results/latest.md`,
    )
    return entries
  } finally {
    await generator?.stop()
    await Promise.all([...servers.values()].map((server) => server.stop()))
    for (const setup of setups.values()) await setup.cleanup()
  }
}

const commandFlags = (quick: boolean, only: readonly string[] | undefined) =>
  quick || only ? ` --${quick ? ' --quick' : ''}${only ? ` --only ${only.join(',')}` : ''}` : ''

function medianOrNull(values: readonly (number | null)[]): number | null {
  const known = values.filter((value): value is number => value !== null)
  return known.length ? median(known) : null
}

function report(
  entries: readonly ResultEntry[],
  notes: ReadonlyMap<string, ReadonlyMap<string, string>>,
  problems: readonly string[],
  run: {
    runtime: HttpRuntime
    version: string
    peers: readonly HttpPeer[]
    cases: readonly HttpCase[]
    command: string
    settings: string
    loadAtStart: string
    setupNotes: readonly string[]
  },
): string {
  const options = {
    frameworks: run.peers.map((peer) => peer.label),
    scenarios: new Map(run.cases.map((test) => [test.scenario, test.title])),
    notes,
  }
  const loadAtEnd = loadavg()
    .map((value) => value.toFixed(2))
    .join(' ')
  return [
    `## HTTP · ${titles[run.runtime]}${run.cases.length < httpCases.length ? ` · ${run.cases.map((test) => test.scenario).join(', ')}` : ''}`,
    '',
    `\`${run.command}\` · ${new Date().toISOString()} · ${run.version} · ${machineDescription()} (at start: ${run.loadAtStart}, at end: ${loadAtEnd})`,
    '',
    `Each server in its own ${run.runtime === 'node' ? 'Node' : `${titles[run.runtime]} (\`${titles[run.runtime]}.serve\`; Elysia: its own \`listen\`)`} process${pinning ? ' on CPU 0, autocannon (Node) on CPU 1' : ''}, 127.0.0.1, keep-alive; ${run.settings}; repetitions interleaved across peers. Cell: median req/s · median p99 · req/s ÷ Brisk's.${run.runtime === 'node' ? '' : ' By hand: one `fetch` handler written out (`peers/by-hand-web.ts`), not run on S1.'}`,
    '',
    formatMatrix(entries, options),
    '',
    'Targets (issue 6; S7/S8: Brisk ≥ 1.0× Fastify): Brisk ÷ the fastest peer ≥ 1.0× and Brisk ÷ by hand ≥ 0.8×; median of the per-repetition ratios (range).',
    '',
    formatTargets(
      entries,
      targetScenarios.filter((scenario) => run.cases.some((test) => test.scenario === scenario)),
      options,
    ),
    '',
    "Server CPU time per answered request (the server process's user + system time over the run ÷ requests, `/proc/<pid>/stat`, 10 ms ticks), median of the repetitions, µs:",
    '',
    formatCpu(entries, options),
    ...(run.setupNotes.length ? ['', ...run.setupNotes.map((line) => `- ${line}`)] : []),
    ...(problems.length
      ? ['', 'Not measured:', '', ...problems.map((problem) => `- ${problem}`)]
      : []),
  ].join('\n')
}

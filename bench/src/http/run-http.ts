/**
 * The HTTP layer on Node, Bun or Deno. Each repetition starts every peer's server afresh (CPU 0)
 * beside one load generator (Node, CPU 1); the first checks the contract. Per scenario, the peers
 * run back to back in an order rotated each repetition: each a warm-up and a saturated run
 * (req/s, autocannon), then each a paced run at the scenario's fixed rate (server CPU per request).
 * Records the medians and the per-repetition Brisk ÷ peer ratios in `results/latest.json` and the
 * tables in `results/latest.md`. Node serves every peer (`serve.ts`); Bun and Deno serve Brisk, by
 * hand, Hono and (Bun) Elysia (`serve-web.ts`, `web-peers.ts`).
 */
import { spawnSync } from 'node:child_process'
import { loadavg } from 'node:os'
import { median } from '../measure.ts'
import { type PeerSetup, peers } from '../peers/index.ts'
import { type ResultEntry, recordResults, writeSection } from '../results.ts'
import { rotated } from '../summary.ts'
import { httpBudget, repsOf, targetScenarios } from './budget.ts'
import { type HttpCase, httpCases } from './cases.ts'
import { checkHttpContract } from './contract.ts'
import { chooseRate, fellBehind } from './fixed-rate.ts'
import { renderHttpReport } from './http-report.ts'
import type { LoadResult } from './load.ts'
import { type LoadProcess, startLoadGenerator } from './load-process.ts'
import { cpuSeconds, pinning } from './processes.ts'
import { withBriskRatios } from './ratios.ts'
import { runtimeBinary, type ServerProcess, startServer } from './server-process.ts'
import { type HttpPeer, type HttpRuntime, webPeers } from './web-peers.ts'

/** `node v20…`, `bun 1.…`, `deno 2.…`: the version of the runtime serving the peers. */
function runtimeVersion(runtime: HttpRuntime): string {
  if (runtime === 'node') return `node ${process.version}`
  const output = spawnSync(runtimeBinary(runtime), ['--version'], { encoding: 'utf8' }).stdout ?? ''
  const version = /\d+\.\d+\.\d+/.exec(output)?.[0] ?? 'unknown'
  return `${runtime} ${version}`
}

/** One repetition of a pair: the saturated run, then the paced one. */
interface Measured extends LoadResult {
  /** Server CPU µs per request during the saturated run (10 ms ticks). */
  cpu_us: number | null
  /** Server CPU µs per request at the fixed rate. */
  cpu_at_rate_us: number | null
  behind_at_rate: boolean
}

interface Pair {
  test: HttpCase
  peer: HttpPeer
  reps: Measured[]
  /** Why it is left out of the results (a server that did not start in a later repetition). */
  dropped?: string
}

const integer = (value: number) => Math.round(value).toLocaleString('en-US')
const loadNow = () =>
  loadavg()
    .map((value) => value.toFixed(2))
    .join(' ')

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
  const loadAtStart = loadNow()
  const longerWarmups = cases
    .filter((test) => (test.warmupScale ?? 1) !== 1)
    .map(
      (test) =>
        `; ${test.scenario}: ${+(budget.warmupSeconds * test.warmupScale!).toFixed(2)} s warm-up`,
    )
  const settings = `${budget.reps} repetition(s) (S1: ${repsOf('S1', budget)}), each: ${budget.warmupSeconds} s warm-up, ${budget.seconds} s saturated, ${budget.leadSeconds} + ${budget.cpuSeconds} s at the fixed rate${longerWarmups.join('')}; ${budget.connections} connections`
  console.log(
    `\nHTTP on ${version} · ${settings} · pinned: ${pinning ? 'server CPU 0, load CPU 1' : 'no (taskset missing)'}`,
  )

  const setups = new Map<HttpPeer, PeerSetup>()
  const notes = new Map<string, Map<string, string>>()
  const note = (scenario: string, peer: HttpPeer, text: string) =>
    notes.set(scenario, (notes.get(scenario) ?? new Map()).set(peer.label, text))
  const problems: string[] = []
  const pairs: Pair[] = []
  const rates = new Map<string, number>()
  const capacity = new Map<Pair, number>()
  let generator: LoadProcess | undefined
  let servers = new Map<HttpPeer, ServerProcess>()
  const stopServers = async () => {
    await Promise.all([...servers.values()].map((server) => server.stop()))
    servers = new Map()
  }
  try {
    for (const peer of peerList) {
      try {
        const setup = await peer.setup?.()
        if (setup) setups.set(peer, setup)
      } catch (error) {
        problems.push(`${peer.label}: setup failed: ${String(error)}`)
      }
    }
    generator = startLoadGenerator(1)
    let step = 0
    let total = 0
    const log = (label: string, pair: Pair, text: string) => {
      step++
      const where = `[${step}/${total}] ${label} ${pair.test.scenario} ${pair.peer.label}`
      console.log(`${where.padEnd(50)} ${text}`)
    }

    const saturated = async (pair: Pair, server: ServerProcess, seconds: number) => {
      const job = {
        url: server.origin,
        request: pair.test.request,
        connections: budget.connections,
        seconds,
      }
      let result: LoadResult
      const cpuBefore = cpuSeconds(server.pid)
      try {
        result = await generator!.run(job)
      } catch (error) {
        // A generator that missed its deadline may still answer late: start a fresh one.
        await generator!.stop()
        generator = startLoadGenerator(1)
        result = { rps: 0, p99_ms: 0, requests: 0, failures: 1 }
        console.log(`  ${String(error)}`)
      }
      const cpuAfter = cpuSeconds(server.pid)
      const cpu_us =
        cpuBefore === undefined || cpuAfter === undefined || result.requests === 0
          ? null
          : ((cpuAfter - cpuBefore) * 1e6) / result.requests
      return { ...result, cpu_us }
    }

    const paced = async (pair: Pair, server: ServerProcess, rate: number) => {
      const job = {
        url: server.origin,
        request: pair.test.request,
        connections: budget.connections,
        rate,
        leadSeconds: budget.leadSeconds,
        seconds: budget.cpuSeconds,
        serverPid: server.pid,
      }
      try {
        const result = await generator!.runPaced(job)
        const cpu =
          result.serverCpuSeconds === null || result.sent === 0
            ? null
            : (result.serverCpuSeconds * 1e6) / result.sent
        return { ...result, cpu, behind: fellBehind(result, rate) }
      } catch (error) {
        await generator!.stop()
        generator = startLoadGenerator(1)
        console.log(`  ${String(error)}`)
        return { sent: 0, failures: 1, maxBacklog: 0, cpu: null, behind: true }
      }
    }

    for (let rep = 0; rep < budget.reps; rep++) {
      const inRep = cases.filter((test) => rep < repsOf(test.scenario, budget))
      if (!inRep.length) break
      const counted = `rep ${rep + 1}/${budget.reps}`
      const wanted = peerList.filter((peer) =>
        rep === 0
          ? inRep.some((test) => peer.scenarios.includes(test.scenario))
          : pairs.some((pair) => pair.peer === peer && !pair.dropped && inRep.includes(pair.test)),
      )
      // Started together (startup is mostly module loading); idle servers cost the others nothing.
      await Promise.all(
        wanted.map(async (peer) => {
          try {
            const env = setups.get(peer)?.env ?? {}
            servers.set(peer, await startServer(peer.id, { runtime, env }))
          } catch (error) {
            problems.push(`${peer.label}: did not start in repetition ${rep + 1}: ${String(error)}`)
          }
        }),
      )
      console.log(
        `${counted}: ${peerList.map((peer) => `${peer.label} ${servers.get(peer)?.pid ?? '–'}`).join(' · ')}`,
      )
      if (rep === 0) {
        pairs.push(...(await checkContracts(inRep, peerList, servers, note, problems)))
        total = pairs.reduce((sum, pair) => sum + 3 * repsOf(pair.test.scenario, budget), 0)
      }
      for (const pair of pairs) {
        if (!pair.dropped && inRep.includes(pair.test) && !servers.has(pair.peer)) {
          pair.dropped = `did not start in repetition ${rep + 1}`
        }
      }
      for (const test of inRep) {
        const here = rotated(
          pairs.filter((pair) => pair.test === test && !pair.dropped),
          rep,
        )
        for (const pair of here) {
          const server = servers.get(pair.peer)!
          const warm = await saturated(pair, server, budget.warmupSeconds * (test.warmupScale ?? 1))
          log('warm-up', pair, `${integer(warm.rps).padStart(7)} req/s`)
          const run = await saturated(pair, server, budget.seconds)
          const cpu = run.cpu_us === null ? '' : ` · ${run.cpu_us.toFixed(1)} µs CPU/req`
          const failed = run.failures ? ` · ${run.failures} failed requests` : ''
          log(
            counted,
            pair,
            `${integer(run.rps).padStart(7)} req/s · p99 ${run.p99_ms.toFixed(1)} ms${cpu}${failed}`,
          )
          pair.reps.push({ ...run, cpu_at_rate_us: null, behind_at_rate: false })
          // The better of the two, so that one run slowed by the machine does not set a low rate.
          capacity.set(pair, Math.max(warm.rps, run.rps))
        }
        // The rate is chosen once, from the first repetition, and kept for the others.
        const rate =
          rates.get(test.scenario) ?? chooseRate(here.map((pair) => capacity.get(pair) ?? 0))
        if (rate === undefined) continue
        rates.set(test.scenario, rate)
        for (const pair of here) {
          const result = await paced(pair, servers.get(pair.peer)!, rate)
          const measured = pair.reps[rep]!
          measured.cpu_at_rate_us = result.cpu
          measured.behind_at_rate = result.behind
          measured.failures += result.failures
          const cpu = result.cpu === null ? 'no CPU reading' : `${result.cpu.toFixed(1)} µs CPU/req`
          const behind = result.behind ? ` · BEHIND (backlog up to ${result.maxBacklog})` : ''
          const failed = result.failures ? ` · ${result.failures} failed requests` : ''
          log(`at ${integer(rate)}/s`, pair, `${cpu} (${result.sent} requests)${behind}${failed}`)
        }
      }
      await stopServers()
    }

    const command = `npm run bench${commandFlags(options.quick, only)}`
    const measured: ResultEntry[] = []
    for (const pair of pairs) {
      const { scenario } = pair.test
      if (pair.dropped || pair.reps.length === 0) {
        note(scenario, pair.peer, 'did not start')
        problems.push(`${scenario} ${pair.peer.label}: ${pair.dropped ?? 'not run'}; not reported`)
        continue
      }
      if (pair.reps.some((rep) => rep.failures > 0)) {
        note(scenario, pair.peer, 'errors under load')
        problems.push(`${scenario} ${pair.peer.label}: failed requests under load; not reported`)
        continue
      }
      measured.push({
        runtime,
        layer: 'http',
        scenario,
        framework: pair.peer.label,
        rps: median(pair.reps.map((rep) => rep.rps)),
        p99_ms: median(pair.reps.map((rep) => rep.p99_ms)),
        cpu_us: medianOrNull(pair.reps.map((rep) => rep.cpu_us)),
        rate_rps: rates.get(scenario) ?? null,
        cpu_at_rate_us: medianOrNull(pair.reps.map((rep) => rep.cpu_at_rate_us)),
        reps: pair.reps.map((rep) => ({
          rps: rep.rps,
          p99_ms: rep.p99_ms,
          cpu_us: rep.cpu_us,
          cpu_at_rate_us: rep.cpu_at_rate_us,
          behind_at_rate: rep.behind_at_rate,
        })),
        command,
      })
    }
    const entries = withBriskRatios(measured)

    // The servers have stopped, so what a setup reports (a database's rows) is final.
    const setupNotes = [...setups].flatMap(([peer, setup]) =>
      setup.describe ? [`${peer.label} (${peer.id}): ${setup.describe()}`] : [],
    )
    const markdown = renderHttpReport(entries, notes, problems, {
      runtime,
      version,
      peers: peerList,
      scenarios: new Map(cases.map((test) => [test.scenario, test.title])),
      partial: cases.length < httpCases.length,
      targetScenarios: targetScenarios.filter((id) => cases.some((test) => test.scenario === id)),
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
    await stopServers()
    for (const setup of setups.values()) await setup.cleanup()
  }
}

/** Over real HTTP, each served scenario's contract for each started peer: the pairs that pass. */
async function checkContracts(
  cases: readonly HttpCase[],
  peerList: readonly HttpPeer[],
  servers: ReadonlyMap<HttpPeer, ServerProcess>,
  note: (scenario: string, peer: HttpPeer, text: string) => void,
  problems: string[],
): Promise<Pair[]> {
  const passed: Pair[] = []
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
        problems.push(`${test.scenario} ${peer.label} failed the contract: ${failures.join('; ')}`)
      } else passed.push({ test, peer, reps: [] })
    }
  }
  return passed
}

const commandFlags = (quick: boolean, only: readonly string[] | undefined) =>
  quick || only ? ` --${quick ? ' --quick' : ''}${only ? ` --only ${only.join(',')}` : ''}` : ''

function medianOrNull(values: readonly (number | null)[]): number | null {
  const known = values.filter((value): value is number => value !== null)
  return known.length ? median(known) : null
}

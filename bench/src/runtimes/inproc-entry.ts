/**
 * Entry run inside Bun, Deno (from the TypeScript sources) or Node (from `dist`): measures the
 * in-process `app.fetch` loop for S2, S3 and S4 on every framework available there, progress on
 * stderr, one JSON `EntryOutput` on stdout. Started by `run.ts`; `--quick` for a short run.
 */
import process from 'node:process'
import { createBriskApp } from '../apps/brisk.ts'
import { createFloor } from '../apps/floor.ts'
import { createHonoApp } from '../apps/hono.ts'
import { checkContract, type Target } from '../contract.ts'
import { type Case, getMeJwt, getUser, postItem } from '../fixtures.ts'
import type { Budget } from '../measure.ts'
import { byHandFetch } from '../peers/by-hand-web.ts'
import { countedRounds, type EntryOutput, type EntryResult, scenarioIds } from './entry-output.ts'
import { measureRound } from './measure-round.ts'

const runtime = process.argv.find((arg) => arg.startsWith('--runtime='))?.slice(10) ?? 'unknown'
// 11 rows (Bun: 13), 8 of them (Bun: 10) targets measured every round, the rest 3 rounds
// (`countedRounds`), after a warm-up round that counts double. Full: (8 × 9 + 3 × 5) × 0.5 s ≈ 44 s
// per runtime (Bun ≈ 53 s). Quick, a smoke run: no warm-up round (mitata's own warm-up samples
// only), 11 × 2 × 0.15 s ≈ 3.3 s.
const quick = process.argv.includes('--quick')
const budget: Budget = quick ? { rounds: 2, minCpuTimeMs: 150 } : { rounds: 7, minCpuTimeMs: 500 }
const log = (line: string) => process.stderr.write(`${line}\n`)

const targets: [string, Target][] = [
  ['Brisk', createBriskApp()],
  ['by hand', { fetch: byHandFetch }],
  ['Hono', createHonoApp()],
]
// Elysia is measured on Bun only, its home runtime; imported here so Deno and Node never load it.
if (runtime === 'bun') {
  const { createElysiaApp } = await import('./elysia-app.ts')
  targets.push(['Elysia', createElysiaApp()])
}
const cases = [getUser, postItem, getMeJwt]
const caseOf = new Map<string, Case>(cases.map((test) => [scenarioIds[test.name]!, test]))
// S4 is Brisk, by hand and Hono: the Elysia app has no JWT route (it is here for its S2 target on
// Bun) and the floor, the loop's own cost, is already known from S2.
const notOnS4 = new Set(['Elysia', 'floor'])

const results: EntryResult[] = []
for (const test of cases) {
  const scenario = scenarioIds[test.name]!
  for (const [framework, target] of [...targets, ['floor', createFloor(test)] as const]) {
    if (scenario === 'S4' && notOnS4.has(framework)) continue
    const problems = framework === 'floor' ? [] : await checkContract(target, test)
    log(`${runtime} contract ${framework} ${test.name}: ${problems.length ? 'FAIL' : 'ok'}`)
    for (const problem of problems) log(`  ${problem}`)
    results.push({ scenario, framework, target, problems, rounds: [] })
  }
}

// Round 0 is warm-up, twice as long (JavaScriptCore tiers up later than V8); each round rotates
// the order so no framework always runs first. Rows without a target stop earlier.
for (let round = quick ? 1 : 0; round <= budget.rounds; round++) {
  const measured = results.filter(
    (result) =>
      result.problems.length === 0 &&
      round <= countedRounds(runtime, result.scenario, result.framework, budget.rounds),
  )
  const shift = round % measured.length
  for (const result of [...measured.slice(shift), ...measured.slice(0, shift)]) {
    const test = caseOf.get(result.scenario)!
    const sample = await measureRound(result.target, test, budget.minCpuTimeMs * (round ? 1 : 2))
    if (round > 0) result.rounds.push(sample)
    const label = `${runtime} ${round ? `round ${round}/${budget.rounds}` : 'warm-up'}`
    log(
      `${label} ${result.scenario} ${result.framework.padEnd(7)} ${Math.round(sample.avgNs)} ns/op`,
    )
  }
}

const output: EntryOutput = {
  runtime,
  version: process.versions.bun ?? process.versions.deno ?? process.version,
  budget,
  results: results.map(({ target: _, ...result }) => result),
}
process.stdout.write(`${JSON.stringify(output)}\n`)

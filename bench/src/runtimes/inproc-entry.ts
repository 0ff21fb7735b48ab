/**
 * Entry run inside Bun, Deno (from the TypeScript sources) or Node (from `dist`): measures the
 * in-process `app.fetch` loop for S2 and S3 on every framework available there, progress on
 * stderr, one JSON `EntryOutput` on stdout. Started by `run.ts`; `--quick` for a short run.
 */
import process from 'node:process'
import { createBriskApp } from '../apps/brisk.ts'
import { createFloor } from '../apps/floor.ts'
import { createHonoApp } from '../apps/hono.ts'
import { checkContract, type Target } from '../contract.ts'
import { getUser, postItem } from '../fixtures.ts'
import type { Budget } from '../measure.ts'
import { type EntryOutput, type EntryResult, scenarioIds } from './entry-output.ts'
import { measureRound } from './measure-round.ts'

const runtime = process.argv.find((arg) => arg.startsWith('--runtime='))?.slice(10) ?? 'unknown'
// Quick: 4 × 8 × 0.25 s ≈ 10 s per runtime; full: 8 × 8 × 0.8 s ≈ 50 s.
const budget: Budget = process.argv.includes('--quick')
  ? { rounds: 3, minCpuTimeMs: 250 }
  : { rounds: 7, minCpuTimeMs: 800 }
const log = (line: string) => process.stderr.write(`${line}\n`)

const targets: [string, Target][] = [
  ['Brisk', createBriskApp()],
  ['Hono', createHonoApp()],
]
// Elysia is measured on Bun only, its home runtime; imported here so Deno and Node never load it.
if (runtime === 'bun') {
  const { createElysiaApp } = await import('./elysia-app.ts')
  targets.push(['Elysia', createElysiaApp()])
}
const cases = [getUser, postItem]

const results: EntryResult[] = []
for (const test of cases) {
  for (const [framework, target] of [...targets, ['floor', createFloor(test)] as const]) {
    const problems = framework === 'floor' ? [] : await checkContract(target, test)
    log(`${runtime} contract ${framework} ${test.name}: ${problems.length ? 'FAIL' : 'ok'}`)
    for (const problem of problems) log(`  ${problem}`)
    results.push({ scenario: scenarioIds[test.name]!, framework, target, problems, rounds: [] })
  }
}

// Round 0 is warm-up, twice as long (JavaScriptCore tiers up later than V8); each round rotates
// the order so no framework always runs first.
for (let round = 0; round <= budget.rounds; round++) {
  const measured = results.filter((result) => result.problems.length === 0)
  const shift = round % measured.length
  for (const result of [...measured.slice(shift), ...measured.slice(0, shift)]) {
    const test = result.scenario === 'S2' ? getUser : postItem
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

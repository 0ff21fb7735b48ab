/**
 * In-process benchmark: `app.fetch(new Request(...))` in a loop. Brisk against plain Hono +
 * `@hono/valibot-validator` on the same routes and schemas, and Brisk with a dependency chain
 * against the same work inline (S5), all in the same run. `--quick` for a short run.
 */
import { mkdir, writeFile } from 'node:fs/promises'
import { cpus } from 'node:os'
import { createFloor } from './apps/floor.ts'
import { checkContract, type Target } from './contract.ts'
import { itemBytes } from './fixtures.ts'
import { fullBudget, measureCase, quickBudget } from './measure.ts'
import { formatTable, type RouteSamples } from './report.ts'
import { createScenarios, type Scenario } from './scenarios.ts'

type Role = 'subject' | 'baseline' | 'floor'

const quick = process.argv.includes('--quick')
const budget = quick ? quickBudget : fullBudget
const scenarios = createScenarios()
const floors = new Map(scenarios.map((scenario) => [scenario, createFloor(scenario.test)]))
const targetOf = (scenario: Scenario, role: Role): Target =>
  role === 'floor' ? floors.get(scenario)! : scenario[role].target
const labelOf = (scenario: Scenario, role: Role) =>
  role === 'floor' ? 'floor' : scenario[role].label
const machine = `node ${process.version} · ${cpus()[0]?.model ?? 'unknown cpu'} × ${cpus().length}`

console.log(
  `brisk bench · ${quick ? 'quick' : 'full'} · ${budget.rounds} rounds × ${budget.minCpuTimeMs} ms`,
)
console.log(`${machine} · POST /items body ${itemBytes} bytes\n`)

const failed = new Set<string>()
for (const scenario of scenarios) {
  for (const role of ['subject', 'baseline'] as const) {
    const problems = await checkContract(targetOf(scenario, role), scenario.test)
    const label = `${labelOf(scenario, role)} ${scenario.test.name}`
    console.log(`contract ${label.padEnd(26)}: ${problems.length ? 'FAIL' : 'ok'}`)
    for (const problem of problems) console.log(`  ${problem}`)
    if (problems.length) failed.add(`${role} ${scenario.test.name}`)
  }
}

const samples = new Map<string, number[]>()
const total = (budget.rounds + 1) * scenarios.length * 3
let step = 0
// Round 0 is warm-up (JIT, caches) and is not counted.
for (let round = 0; round <= budget.rounds; round++) {
  // Alternate who goes first so warm-up and heap growth do not favour one side.
  const order: Role[] =
    round % 2 ? ['baseline', 'subject', 'floor'] : ['subject', 'baseline', 'floor']
  for (const scenario of scenarios) {
    for (const role of order) {
      step++
      const key = `${role} ${scenario.test.name}`
      if (failed.has(key)) continue
      const ns = await measureCase(targetOf(scenario, role), scenario.test, budget)
      if (round > 0) samples.set(key, [...(samples.get(key) ?? []), ns])
      const name = `${labelOf(scenario, role)} ${scenario.test.name}`
      const label = `[${step}/${total}] ${round ? `round ${round}` : 'warm-up'} ${name}`
      console.log(
        `${label.padEnd(50)} ${Math.round(ns).toLocaleString('en-US').padStart(7)} ns/req`,
      )
    }
  }
}

const rows: RouteSamples[] = scenarios.map((scenario) => ({
  route: scenario.test.name,
  subject: scenario.subject.label,
  baseline: scenario.baseline.label,
  goal: scenario.goal,
  subjectNs: samples.get(`subject ${scenario.test.name}`) ?? [],
  baselineNs: samples.get(`baseline ${scenario.test.name}`) ?? [],
  floorNs: samples.get(`floor ${scenario.test.name}`) ?? [],
  note: (['subject', 'baseline'] as const)
    .filter((role) => failed.has(`${role} ${scenario.test.name}`))
    .map((role) => `${labelOf(scenario, role)} failed the contract`)
    .join(', '),
}))

const table = formatTable(rows)
console.log(`\n${table}\n`)

const command = `npm run bench${quick ? ' -- --quick' : ''}`
const summary = `${budget.rounds} rounds × ${budget.minCpuTimeMs} ms per app and route`
const header = [
  '# Latest in-process results',
  '',
  `\`${command}\` · ${new Date().toISOString()} · ${machine} · ${summary}`,
  '',
  'ns/req and ops/s: medians over rounds. A/B: throughput ratio of A over B (> 1 means A is faster),',
  'median of the per-round ratios (range in brackets); "above floor" compares framework time only.',
  'Goal: the A/B ratio A must reach. Only ratios within one run compare. See bench/README.md.',
  '',
]
const results = new URL('../results/', import.meta.url)
await mkdir(results, { recursive: true })
await writeFile(new URL('latest.md', results), `${header.join('\n')}\n${table}\n`)
console.log('wrote bench/results/latest.md')

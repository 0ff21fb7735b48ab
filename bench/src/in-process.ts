/**
 * In-process benchmark: `app.fetch(new Request(...))` in a loop, Brisk against plain Hono +
 * `@hono/valibot-validator`, same routes, same schemas, same run. `--quick` for a short run.
 */
import { mkdir, writeFile } from 'node:fs/promises'
import { cpus } from 'node:os'
import { createBriskApp } from './apps/brisk.ts'
import { createFloor } from './apps/floor.ts'
import { createHonoApp } from './apps/hono.ts'
import { checkContract, type Target } from './contract.ts'
import { type Case, cases, itemBytes } from './fixtures.ts'
import { fullBudget, measureCase, quickBudget } from './measure.ts'
import { formatTable, type RouteSamples } from './report.ts'

type Name = 'brisk' | 'hono' | 'floor'

const quick = process.argv.includes('--quick')
const budget = quick ? quickBudget : fullBudget
const apps = { brisk: createBriskApp(), hono: createHonoApp() }
const target = (name: Name, test: Case): Target =>
  name === 'floor' ? createFloor(test) : apps[name]
const machine = `node ${process.version} · ${cpus()[0]?.model ?? 'unknown cpu'} × ${cpus().length}`

console.log(
  `brisk bench · ${quick ? 'quick' : 'full'} · ${budget.rounds} rounds × ${budget.minCpuTimeMs} ms`,
)
console.log(`${machine} · POST /items body ${itemBytes} bytes\n`)

const failed = new Set<string>()
for (const test of cases) {
  for (const name of ['brisk', 'hono'] as const) {
    const problems = await checkContract(apps[name], test)
    console.log(`contract ${name.padEnd(5)} ${test.name}: ${problems.length ? 'FAIL' : 'ok'}`)
    for (const problem of problems) console.log(`  ${problem}`)
    if (problems.length) failed.add(`${name} ${test.name}`)
  }
}

const samples = new Map<string, number[]>()
const total = (budget.rounds + 1) * cases.length * 3
let step = 0
// Round 0 is warm-up (JIT, caches) and is not counted.
for (let round = 0; round <= budget.rounds; round++) {
  // Alternate who goes first so warm-up and heap growth do not favour one framework.
  const order: Name[] = round % 2 ? ['hono', 'brisk', 'floor'] : ['brisk', 'hono', 'floor']
  for (const test of cases) {
    for (const name of order) {
      step++
      const key = `${name} ${test.name}`
      if (failed.has(key)) continue
      const ns = await measureCase(target(name, test), test, budget)
      if (round > 0) samples.set(key, [...(samples.get(key) ?? []), ns])
      const label = `[${step}/${total}] ${round ? `round ${round}` : 'warm-up'} ${name.padEnd(5)} ${test.name}`
      console.log(
        `${label.padEnd(46)} ${Math.round(ns).toLocaleString('en-US').padStart(7)} ns/req`,
      )
    }
  }
}

const rows: RouteSamples[] = cases.map((test) => ({
  route: test.name,
  brisk: samples.get(`brisk ${test.name}`) ?? [],
  hono: samples.get(`hono ${test.name}`) ?? [],
  floor: samples.get(`floor ${test.name}`) ?? [],
  note: (['brisk', 'hono'] as const)
    .filter((name) => failed.has(`${name} ${test.name}`))
    .map((name) => `${name} failed the contract`)
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
  'ns/req and ops/s: medians over rounds. Brisk/Hono: throughput ratio (> 1 means Brisk is faster),',
  'median of the per-round ratios (range in brackets); "above floor" compares framework time only.',
  'Only ratios within one run compare. See bench/README.md.',
  '',
]
const results = new URL('../results/', import.meta.url)
await mkdir(results, { recursive: true })
await writeFile(new URL('latest.md', results), `${header.join('\n')}\n${table}\n`)
console.log('wrote bench/results/latest.md')

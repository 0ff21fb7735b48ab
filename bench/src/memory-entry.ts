/**
 * Child process of the memory step (`memory.ts`), one fresh Node process per framework, started
 * with `--expose-gc`: `node --expose-gc dist/memory-entry.js <brisk|hono> <first> <total>`.
 * Sends `app.fetch` requests in-process, alternating S2 (`GET /users/42?fields=a,b`) and S3
 * (`POST /items`, ~0.9 KB JSON), reading every body; after `first` and after `total` requests it
 * forces a full GC twice and samples RSS and heapUsed. Prints one JSON `MemoryOutput` line.
 */
import { createBriskApp } from './apps/brisk.ts'
import { createHonoApp } from './apps/hono.ts'
import { checkContract, type Target } from './contract.ts'
import { getUser, postItem } from './fixtures.ts'

/** One sample, taken after two forced full GCs. */
export interface MemorySample {
  requests: number
  rss: number
  heapUsed: number
}

export interface MemoryOutput {
  framework: string
  version: string
  /** Contract failures; when not empty nothing was measured. */
  problems: string[]
  /** Answers with an unexpected status during the run. */
  failures: number
  /** After the contract check (a few requests), after `first`, after `total`. */
  samples: MemorySample[]
  seconds: number
}

const [id = '', firstText = '', totalText = ''] = process.argv.slice(2)
const first = Number(firstText)
const total = Number(totalText)
const collect = globalThis.gc
if (!collect) throw new Error('run with node --expose-gc')
if (!(first > 0 && total > first)) throw new Error(`usage: <brisk|hono> <first> <total>`)

const apps: Record<string, () => Target> = { brisk: createBriskApp, hono: createHonoApp }
const create = apps[id]
if (!create) throw new Error(`unknown framework '${id}': ${Object.keys(apps).join(' | ')}`)
const app = create()

const problems = [
  ...(await checkContract(app, getUser)).map((problem) => `S2 ${problem}`),
  ...(await checkContract(app, postItem)).map((problem) => `S3 ${problem}`),
]

let sent = 0
let failures = 0
const cases = [getUser, postItem]

async function sendUntil(count: number) {
  while (sent < count) {
    const test = cases[sent % 2]!
    const response = await app.fetch(test.good())
    await response.text()
    if (response.status !== test.status) failures++
    sent++
  }
}

function sample(): MemorySample {
  collect!()
  collect!()
  const usage = process.memoryUsage()
  return { requests: sent, rss: usage.rss, heapUsed: usage.heapUsed }
}

const started = performance.now()
const samples: MemorySample[] = []
if (problems.length === 0) {
  samples.push(sample())
  await sendUntil(first)
  samples.push(sample())
  await sendUntil(total)
  samples.push(sample())
}
const output: MemoryOutput = {
  framework: id,
  version: process.version,
  problems,
  failures,
  samples,
  seconds: (performance.now() - started) / 1000,
}
process.stdout.write(`${JSON.stringify(output)}\n`)

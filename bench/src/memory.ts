/**
 * Memory (issue 6 target: RSS after 100k requests within 10 % of RSS after 10k). For Brisk and Hono,
 * each in a fresh `node --expose-gc` child (`memory-entry.ts`): 10k in-process requests (S2 and S3
 * alternating, bodies read), two forced GCs, RSS and heapUsed; on to 100k, GC, sample again.
 * `results/latest.json` has no memory fields (its `layer` is `http` | `inproc`), so the result is
 * the `memory` section of `results/latest.md`.
 *
 * Standalone: `node dist/memory.js [--quick]` from `bench/`.
 */
import { spawn } from 'node:child_process'
import { loadavg } from 'node:os'
import { fileURLToPath } from 'node:url'
import type { MemoryOutput } from './memory-entry.ts'
import { writeSection } from './results.ts'

/** How many requests before the first and the second sample. */
export interface MemoryBudget {
  first: number
  total: number
}

export const fullMemoryBudget: MemoryBudget = { first: 10_000, total: 100_000 }
/**
 * `--quick` sends as many: with fewer (2k → 20k) RSS was still climbing to its plateau at the first
 * sample (65 MB at 2k, 93 MB at 10k) and the ratio came out 1.5×, a false miss. The two frameworks
 * run at the same time instead (RSS is per process), ~5 s in all.
 */
export const quickMemoryBudget: MemoryBudget = fullMemoryBudget

/** The goal: RSS at `total` ÷ RSS at `first` ≤ 1.10. */
export const memoryGoal = 1.1

const entry = fileURLToPath(new URL('./memory-entry.js', import.meta.url))
const frameworks = [
  ['brisk', 'Brisk'],
  ['hono', 'Hono'],
] as const

const mb = (bytes: number) => (bytes / 2 ** 20).toFixed(1)
const thousands = (count: number) => `${count / 1000}k`

/** Runs `memory-entry.js` for one framework, killed by its PID after `timeoutMs`. */
function runEntry(id: string, budget: MemoryBudget, timeoutMs: number): Promise<MemoryOutput> {
  const args = ['--expose-gc', entry, id, String(budget.first), String(budget.total)]
  const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'inherit'] })
  let stdout = ''
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
    stdout += chunk
  })
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      if (child.pid) process.kill(child.pid, 'SIGKILL')
      reject(new Error(`no result within ${timeoutMs / 1000} s, killed PID ${child.pid}`))
    }, timeoutMs)
    child.on('error', (error) => {
      clearTimeout(timer)
      reject(error)
    })
    child.on('close', (code) => {
      clearTimeout(timer)
      const line = stdout.trim().split('\n').at(-1) ?? ''
      if (code !== 0 || !line.startsWith('{')) reject(new Error(`exited with ${code}, no result`))
      else resolve(JSON.parse(line) as MemoryOutput)
    })
  })
}

/** Runs the memory step for Brisk and Hono and writes the `memory` section of `latest.md`. */
export async function runMemory(options: { quick: boolean }): Promise<MemoryOutput[]> {
  const budget = options.quick ? quickMemoryBudget : fullMemoryBudget
  const load = loadavg()
    .map((value) => value.toFixed(2))
    .join(' ')
  const first = thousands(budget.first)
  const total = thousands(budget.total)
  console.log(`\nmemory · ${first} → ${total} in-process requests (S2 + S3) per framework`)
  const rows: string[] = []
  const outputs: MemoryOutput[] = []
  const problems: string[] = []
  // One process per framework, all at once: each samples its own RSS, so they do not interfere
  // (their speed does, which is not measured here).
  const settled = await Promise.allSettled(frameworks.map(([id]) => runEntry(id, budget, 120_000)))
  for (const [index, [, label]] of frameworks.entries()) {
    const result = settled[index]!
    if (result.status === 'rejected') {
      const error = result.reason
      problems.push(`${label}: not measured: ${error instanceof Error ? error.message : error}`)
      continue
    }
    const output = result.value
    outputs.push(output)
    const [start, atFirst, atTotal] = output.samples
    if (output.problems.length || !start || !atFirst || !atTotal) {
      problems.push(`${label}: failed the contract: ${output.problems.join('; ')}`)
      continue
    }
    if (output.failures) problems.push(`${label}: ${output.failures} answers with a wrong status`)
    const rssRatio = atTotal.rss / atFirst.rss
    const heapRatio = atTotal.heapUsed / atFirst.heapUsed
    const verdict = rssRatio <= memoryGoal ? 'met' : 'missed'
    const line = `${label}: RSS ${mb(atFirst.rss)} → ${mb(atTotal.rss)} MB (${rssRatio.toFixed(3)}×, ${verdict}) · heapUsed ${mb(atFirst.heapUsed)} → ${mb(atTotal.heapUsed)} MB (${heapRatio.toFixed(3)}×) · ${output.seconds.toFixed(1)} s`
    console.log(line)
    rows.push(
      `| ${label} | ${mb(start.rss)} | ${mb(atFirst.rss)} | ${mb(atTotal.rss)} | **${rssRatio.toFixed(3)}×** | ${verdict} | ${mb(start.heapUsed)} | ${mb(atFirst.heapUsed)} | ${mb(atTotal.heapUsed)} | ${heapRatio.toFixed(3)}× |`,
    )
  }
  for (const problem of problems) console.log(problem)

  const version = outputs[0]?.version ?? process.version
  const command = `npm run bench${options.quick ? ' -- --quick' : ''}`
  const markdown = [
    '## Memory · Node in-process',
    '',
    `\`${command}\` · ${new Date().toISOString()} · node ${version} · load average ${load}`,
    '',
    `Each framework in a fresh \`node --expose-gc\` process (the two side by side): \`app.fetch\` in a loop, S2 and S3 alternating, every body read; after the contract check, after ${first} and after ${total} requests \`gc()\` runs twice, then RSS and heapUsed are read.${budget.first === fullMemoryBudget.first && budget.total === fullMemoryBudget.total ? '' : ` **Fewer requests than the target's 10k → 100k.**`} Target (issue 6): RSS at ${total} ÷ RSS at ${first} ≤ ${memoryGoal.toFixed(2)}×.`,
    '',
    `| framework | RSS start MB | RSS ${first} MB | RSS ${total} MB | RSS ${total} ÷ ${first} | ≤ ${memoryGoal.toFixed(2)}× | heap start MB | heap ${first} MB | heap ${total} MB | heap ${total} ÷ ${first} |`,
    '|---|--:|--:|--:|--:|---|--:|--:|--:|--:|',
    ...rows,
    ...(problems.length ? ['', ...problems.map((problem) => `- ${problem}`)] : []),
  ].join('\n')
  await writeSection('memory', markdown)
  console.log('wrote the memory section of bench/results/latest.md')
  return outputs
}

if (import.meta.url === `file://${process.argv[1]}`) {
  await runMemory({ quick: process.argv.includes('--quick') })
}

/**
 * The type-checking benchmark: generates apps of 100, 500 and 1,000 routes in Brisk, Hono and
 * Elysia under `bench/.typecheck-cache/`, times `tsc --noEmit -p` on each, prints the table and
 * writes `results/typecheck.md` and `results/typecheck.json`.
 *
 * Standalone: `node dist/typecheck/run.js [--sizes=100,500] [--source]` from `bench/`.
 */
import { mkdir, rm, writeFile } from 'node:fs/promises'
import { loadavg } from 'node:os'
import { fileURLToPath } from 'node:url'
import { writeSection } from '../results.ts'
import { type Framework, generateApp, generateClient, generateTsconfig } from './generate-apps.ts'
import { type CompletionTiming, timeCompletion } from './time-completion.ts'
import { type TscResult, timeTsc } from './time-tsc.ts'

/** One generated project (an app, or an app and a client calling every route) and its cost. */
export interface TypecheckRow extends TscResult {
  framework: Variant['label']
  routes: number
  /** For the client rows: tsserver completing the client's paths, then a path's methods. */
  completion?: { paths: CompletionTiming; methods: CompletionTiming }
}

/** What each project holds: an app, and for the client rows a file calling every route. */
interface Variant {
  readonly label: Framework | 'brisk + client' | 'hono + hc'
  readonly app: Framework
  readonly client?: 'brisk' | 'hono'
}

/** Where an editor completes the client: after `api[` or `api.` (paths), then a path's methods. */
const probes = {
  brisk: { paths: "  api['", methods: "  api['/r1/{id}']." },
  hono: { paths: '  api.', methods: "  api.r1[':id']." },
} as const

const variants: readonly Variant[] = [
  { label: 'brisk', app: 'brisk' },
  { label: 'hono', app: 'hono' },
  { label: 'elysia', app: 'elysia' },
  { label: 'brisk + client', app: 'brisk', client: 'brisk' },
  { label: 'hono + hc', app: 'hono', client: 'hono' },
]
const cache = new URL('../../.typecheck-cache/', import.meta.url)

const seconds = (ms: number | undefined) => (ms === undefined ? '–' : (ms / 1e3).toFixed(1))

/** Markdown table: one row per app, with Brisk's check time over each peer's. */
export function formatTypecheck(rows: readonly TypecheckRow[]): string {
  const lines = [
    '| routes | framework | tsc wall s | check s | instantiations | memory MB | errors | Brisk time ÷ this |',
    '| ---: | --- | ---: | ---: | ---: | ---: | --- | ---: |',
  ]
  for (const row of rows) {
    const brisk = rows.find((other) => other.routes === row.routes && other.framework === 'brisk')
    const errors = Object.entries(row.errors)
      .map(([code, count]) => `${code} ×${count}${code === 'TS2589' ? ' (excessively deep)' : ''}`)
      .join(', ')
    lines.push(
      [
        row.routes,
        row.framework,
        row.timedOut ? `> ${seconds(row.wallMs)} (killed)` : seconds(row.wallMs),
        seconds(row.checkMs),
        row.instantiations?.toLocaleString('en-US') ?? '–',
        row.memoryKb === undefined ? '–' : Math.round(row.memoryKb / 1024),
        row.crashed ? `tsc failed (${row.crashed.replaceAll('|', '/')})` : errors || 'none',
        brisk && !row.timedOut && !row.crashed ? `${(brisk.wallMs / row.wallMs).toFixed(2)}` : '',
      ].join(' | '),
    )
  }
  return lines.map((line, index) => (index < 2 ? line : `| ${line} |`)).join('\n')
}

/** Runs the benchmark; `source` checks Brisk from its workspace sources instead of `dist`. */
export async function runTypecheck(options: { sizes: readonly number[]; source: boolean }) {
  const { sizes, source } = options
  const timeoutMs = 240_000
  const load = loadavg().map((value) => value.toFixed(2))
  const resolution = source ? 'workspace src (customConditions: source)' : 'built dist .d.ts'
  console.log(`\ntype-checking cost · Brisk from ${resolution} · load average ${load.join(' ')}`)
  const rows: TypecheckRow[] = []
  for (const routes of sizes) {
    for (const variant of variants) {
      const framework = variant.label
      const dir = new URL(`${framework.replaceAll(' + ', '-')}-${routes}/`, cache)
      await rm(dir, { recursive: true, force: true })
      await mkdir(dir, { recursive: true })
      await writeFile(new URL('app.ts', dir), generateApp(variant.app, routes))
      const files = ['app.ts', ...(variant.client ? ['client.ts'] : [])]
      if (variant.client) {
        await writeFile(new URL('client.ts', dir), generateClient(variant.client, routes))
      }
      await writeFile(new URL('tsconfig.json', dir), generateTsconfig(source, files))
      const result = await timeTsc(fileURLToPath(dir), timeoutMs)
      const completion = variant.client
        ? {
            paths: await timeCompletion(fileURLToPath(dir), probes[variant.client].paths),
            methods: await timeCompletion(fileURLToPath(dir), probes[variant.client].methods),
          }
        : undefined
      rows.push({ framework, routes, ...result, ...(completion ? { completion } : {}) })
      const errors = Object.keys(result.errors).join(', ') || 'no errors'
      console.log(
        `tsc ${framework} ${routes} routes: ${seconds(result.wallMs)} s${result.timedOut ? ' (killed)' : ''}, ${result.crashed ?? errors}`,
      )
      for (const line of result.firstErrors) console.log(`  ${line.slice(0, 240)}`)
    }
  }
  const table = `${formatTypecheck(rows)}\n\n${formatClients(rows)}`
  console.log(`\n${table}\n`)
  const command = `node dist/typecheck/run.js --sizes=${sizes.join(',')}${source ? ' --source' : ''}`
  const header = `# Type-checking cost\n\n\`${command}\` (from bench/; \`npm run bench -- --types\` runs it too) · ${new Date().toISOString()} · TypeScript ${await tsVersion()} · Brisk from ${resolution} · load average ${load.join(' ')}\n`
  const results = new URL('../../results/', import.meta.url)
  await mkdir(results, { recursive: true })
  await writeFile(new URL('typecheck.md', results), `${header}\n${table}\n`)
  await writeFile(new URL('typecheck.json', results), `${JSON.stringify(rows, null, 2)}\n`)
  await writeSection(
    'typecheck',
    `${header.replace('# Type-checking cost', '## Type-checking cost')}\n${table}\n`,
  )
  console.log('wrote bench/results/typecheck.md and its section of latest.md')
  return rows
}

const ms = (timing: CompletionTiming) =>
  `${Math.round(timing.firstMs)} / ${Math.round(timing.medianMs)}`

/**
 * The client rows: their check time over the Hono app alone of the same size (the target is at
 * most 0.25×), and tsserver's completion times (first answer / median of five after edits).
 */
export function formatClients(rows: readonly TypecheckRow[]): string {
  const lines = [
    '| routes | client | tsc wall s | ÷ Hono app alone | completing paths ms (first / median) | entries | completing methods ms | entries |',
    '| ---: | --- | ---: | ---: | ---: | ---: | ---: | ---: |',
  ]
  for (const row of rows) {
    if (!row.completion) continue
    const hono = rows.find((other) => other.routes === row.routes && other.framework === 'hono')
    const ratio = hono && !row.timedOut ? (row.wallMs / hono.wallMs).toFixed(2) : '–'
    const { paths, methods } = row.completion
    lines.push(
      `| ${row.routes} | ${row.framework} | ${seconds(row.wallMs)} | ${ratio} | ${ms(paths)} | ${paths.entries} | ${ms(methods)} | ${methods.entries} |`,
    )
  }
  return lines.join('\n')
}

async function tsVersion(): Promise<string> {
  const { default: ts } = await import('typescript')
  return ts.version
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const sizesArg = process.argv.find((arg) => arg.startsWith('--sizes='))?.slice(8)
  await runTypecheck({
    sizes: sizesArg ? sizesArg.split(',').map(Number) : [100, 500, 1000],
    source: process.argv.includes('--source'),
  })
}

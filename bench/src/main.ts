/**
 * `npm run bench`: the in-process request benchmark, OpenAPI generation time and memory (RSS after
 * 10k vs 100k requests), then the HTTP layer (Node, then Bun and Deno), the in-process layer on
 * Node, Bun and Deno, type-checking cost (with `--types`) and the chart. `--quick` for a short
 * run, `--inproc-only` / `--http-only` for one layer, `--only S7,S8` for those HTTP scenarios only,
 * `--ml` for the ML serving bench only (apps/ml-serve vs the same model on a plain Hono route),
 * `--ws` for the WebSocket bench only (Brisk's `ws()` vs Hono's WebSocket helpers, Node and Bun).
 */
const args = process.argv.slice(2)
const flags = new Set(args)
const started = performance.now()

if (flags.has('--ml')) {
  const { runMlBench } = await import('./ml/run-ml.ts')
  await runMlBench({ quick: flags.has('--quick') })
  process.exit(0)
}

if (flags.has('--ws')) {
  const { runWsBench } = await import('./ws/run-ws.ts')
  await runWsBench({ quick: flags.has('--quick') })
  process.exit(0)
}

// `--only S7,S8` (or `--only=S7,S8`): only those scenarios of the HTTP layer, nothing else.
const onlyAt = args.findIndex((arg) => arg === '--only' || arg.startsWith('--only='))
const onlyArg = onlyAt === -1 ? undefined : args[onlyAt]!
// Without `--only`, onlyAt is -1: args[onlyAt + 1] would be the first flag (`--quick` read as a
// scenario list, and nothing run).
const onlyValue =
  onlyArg === undefined
    ? undefined
    : onlyArg.startsWith('--only=')
      ? onlyArg.slice(7)
      : args[onlyAt + 1]
const only = onlyValue
  ?.split(',')
  .map((id) => id.trim().toUpperCase())
  .filter(Boolean)
if (onlyArg && !only?.length) throw new Error('--only needs scenario ids, e.g. --only S7,S8')
// Either only the listed scenarios (the HTTP layer on every runtime that serves them), or it all.
const inProcess = !only && !flags.has('--http-only')
const http = !flags.has('--inproc-only')
if (inProcess) {
  await import('./in-process.ts')
  await import('./openapi-generation.ts')
  const { runMemory } = await import('./memory.ts')
  await runMemory({ quick: flags.has('--quick') })
}
if (http) {
  const { runHttpBench } = await import('./http/run-http.ts')
  await runHttpBench({ quick: flags.has('--quick'), ...(only ? { only } : {}) })
  // Bun and Deno serving Brisk, by hand, Hono and (Bun) Elysia: shorter runs, see run-http.ts.
  for (const runtime of ['bun', 'deno'] as const) {
    await runHttpBench({ quick: flags.has('--quick'), runtime, ...(only ? { only } : {}) })
  }
}
if (inProcess) {
  const { runRuntimes } = await import('./runtimes/run.ts')
  await runRuntimes({ quick: flags.has('--quick'), runtimes: ['node', 'bun', 'deno'] })
}
// Type-checking cost takes ~6 minutes here (nine tsc runs, up to 1,000 routes): on request only.
if (flags.has('--types') && !only) {
  const { runTypecheck } = await import('./typecheck/run.ts')
  await runTypecheck({ sizes: [100, 500, 1000], source: false })
}
const { writeCharts } = await import('./chart.ts')
await writeCharts()
console.log(`\nbench done in ${((performance.now() - started) / 1000).toFixed(0)} s`)

/**
 * `npm run bench`: the in-process request benchmark, OpenAPI generation time and memory (RSS after
 * 10k vs 100k requests), then the HTTP layer (Node, then Bun and Deno), the in-process layer on
 * Node, Bun and Deno, type-checking cost (with `--types`) and the chart. `--quick` for a short
 * run, `--inproc-only` / `--http-only` for one layer.
 */
const flags = new Set(process.argv.slice(2))
const started = performance.now()

if (!flags.has('--http-only')) {
  await import('./in-process.ts')
  await import('./openapi-generation.ts')
  const { runMemory } = await import('./memory.ts')
  await runMemory({ quick: flags.has('--quick') })
}
if (!flags.has('--inproc-only')) {
  const { runHttpBench } = await import('./http/run-http.ts')
  await runHttpBench({ quick: flags.has('--quick') })
  // Bun and Deno serving Brisk, by hand, Hono and (Bun) Elysia: shorter runs, see run-http.ts.
  for (const runtime of ['bun', 'deno'] as const) {
    await runHttpBench({ quick: flags.has('--quick'), runtime })
  }
}
if (!flags.has('--http-only')) {
  const { runRuntimes } = await import('./runtimes/run.ts')
  await runRuntimes({ quick: flags.has('--quick'), runtimes: ['node', 'bun', 'deno'] })
}
// Type-checking cost takes ~6 minutes here (nine tsc runs, up to 1,000 routes): on request only.
if (flags.has('--types')) {
  const { runTypecheck } = await import('./typecheck/run.ts')
  await runTypecheck({ sizes: [100, 500, 1000], source: false })
}
const { writeCharts } = await import('./chart.ts')
await writeCharts()
console.log(`\nbench done in ${((performance.now() - started) / 1000).toFixed(0)} s`)

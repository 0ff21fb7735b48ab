/**
 * `npm run bench -- --ml`: ml-serve against the same model behind a plain Hono route, in one run.
 * Throughput and latency at 64 concurrent clients (batching on, off, and the peer), then 2×
 * overload on ml-serve: the share of 429s, the p99 of accepted requests and RSS. Results go to
 * `results/ml.json` and `results/ml.md`.
 */
import { writeFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { spawnPinned, waitForLine } from '../http/processes.ts'
import type { MlLoadJob, MlLoadResult } from './ml-load.ts'
import { API_KEY, ML_PEERS, type MlPeer, type MlServer, startMlServer } from './ml-servers.ts'
import { sampleRss } from './rss.ts'

const loadScript = fileURLToPath(new URL('./ml-load.js', import.meta.url))
const resultsDir = fileURLToPath(new URL('../../results/', import.meta.url))

const REVIEW =
  'The battery lasts all day and the screen is bright, but the speakers are tinny and the case scratches easily.'
/** One short review per request: many small concurrent requests are what batching is for. */
const SMALL = JSON.stringify({ texts: [REVIEW] })
/**
 * 64 reviews per request (the most a request may carry) for the overload case: the model's work
 * per request (~2.5 ms) then outweighs refusing one (~0.1 ms), as with any real model. With one short
 * text the HTTP work dominates, refusing costs nearly as much as serving, and no queue bound can
 * keep latency flat at 2×.
 */
const LARGE = JSON.stringify({ texts: Array(64).fill(REVIEW) })
const LARGE_TEXTS = 64
const CLIENTS = 64

/** Runs one load job in its own process pinned to CPU 1. */
async function load(
  server: MlServer,
  job: Omit<MlLoadJob, 'url' | 'body' | 'apiKey'> & { body?: string },
) {
  const full: MlLoadJob = { url: server.origin, body: SMALL, apiKey: API_KEY, ...job }
  const child = spawnPinned(1, process.execPath, [loadScript, JSON.stringify(full)], 'ignore')
  const line = await waitForLine(child, /^\{/, job.seconds * 1000 + 30_000)
  return JSON.parse(line) as MlLoadResult
}

const rate = (result: MlLoadResult) => result.ok / result.seconds
const fixed = (value: number, digits = 1) => (Number.isFinite(value) ? value.toFixed(digits) : '–')

const share = (result: MlLoadResult) =>
  (100 * result.rejected) / (result.ok + result.rejected + result.failures)

/** Requests per second `peer` answers at 16 clients of 64 texts each (default queue: no 429). */
async function measureCapacity(peer: MlPeer, seconds: number) {
  const server = await startMlServer(peer)
  try {
    await load(server, { body: LARGE, connections: 16, seconds: 2 })
    const full = await load(server, { body: LARGE, connections: 16, seconds })
    if (full.rejected > 0 || full.failures > 0) throw new Error('capacity run: 429s or failures')
    return full.ok / full.seconds
  } finally {
    await server.stop()
  }
}

/** `peer` offered half, then twice `capacity` (open loop), RSS sampled through the second. */
async function overload(
  peer: MlPeer,
  env: Readonly<Record<string, string>>,
  capacity: number,
  seconds: number,
) {
  const server = await startMlServer(peer, env)
  try {
    await load(server, { body: LARGE, connections: 4, seconds: 2 })
    const half = { body: LARGE, connections: 512, seconds, overallRate: Math.round(capacity / 2) }
    const reference = await load(server, half)
    const rss = sampleRss(server.pid)
    const loaded = await load(server, { ...half, overallRate: Math.round(capacity * 2) })
    return { label: peer.label, reference, loaded, rss: rss.stop() }
  } finally {
    await server.stop()
  }
}

export async function runMlBench(options: { quick?: boolean } = {}) {
  const seconds = options.quick ? 3 : 8
  console.log(`\nML serving: ${CLIENTS} clients, 1 text per request, ${seconds} s per run`)
  const rows: { id: string; label: string; textsPerSecond: number; p50: number; p99: number }[] = []
  for (const peer of ML_PEERS) {
    const server = await startMlServer(peer)
    try {
      await load(server, { connections: CLIENTS, seconds: 2 }) // warm-up: JIT, caches
      const result = await load(server, { connections: CLIENTS, seconds })
      if (result.failures > 0 || result.rejected > 0) {
        throw new Error(`${peer.label}: ${result.failures} failures, ${result.rejected} 429s`)
      }
      rows.push({
        id: peer.id,
        label: peer.label,
        textsPerSecond: rate(result),
        p50: result.okP50,
        p99: result.okP99,
      })
      console.log(
        `  ${peer.label}: ${fixed(rate(result), 0)} texts/s, p99 ${fixed(result.okP99)} ms`,
      )
    } finally {
      await server.stop()
    }
  }

  // Overload, 64 texts per request: ml-serve (batching on, queue bounded to 4 requests' texts)
  // and the plain Hono peer, each offered half and twice ml-serve's capacity.
  const batched = ML_PEERS.find((peer) => peer.id === 'batched')!
  const hono = ML_PEERS.find((peer) => peer.id === 'hono')!
  const capacity = await measureCapacity(batched, seconds)
  const overloads = [
    await overload(batched, { QUEUE_MAX_TEXTS: '256' }, capacity, seconds),
    await overload(hono, {}, capacity, seconds),
  ]
  for (const { label, reference, loaded, rss } of overloads) {
    console.log(
      `  ${label} at 2× (${fixed(capacity * 2, 0)} req/s): ${fixed(share(loaded))} % 429, accepted p99 ${fixed(loaded.okP99)} ms (half load ${fixed(reference.okP99)} ms), RSS ${fixed(rss.first, 0)} → ${fixed(rss.peak, 0)} MiB`,
    )
  }

  const find = (id: string) => rows.find((row) => row.id === id)!
  const speedup = find('batched').textsPerSecond / find('unbatched').textsPerSecond
  const md = [
    `| server (Node, 1 CPU; load on the other) | texts/s | p50 ms | p99 ms |`,
    `| --- | ---: | ---: | ---: |`,
    ...rows.map(
      (row) =>
        `| ${row.label} | ${fixed(row.textsPerSecond, 0)} | ${fixed(row.p50)} | ${fixed(row.p99)} |`,
    ),
    '',
    `Batching on ÷ off: ${fixed(speedup, 2)}× the texts/s (target ≥ 2× at equal or lower p99); ml-serve batched ÷ plain Hono: ${fixed(find('batched').textsPerSecond / find('hono').textsPerSecond, 2)}×.`,
    '',
    `Overload: 64 texts per request; ml-serve's capacity ${fixed(capacity, 0)} requests/s (${fixed(capacity * LARGE_TEXTS, 0)} texts/s) at 16 clients; then offered half and twice that at a steady rate (open loop, up to 512 connections, ${seconds} s each). ml-serve runs with QUEUE_MAX_TEXTS=256.`,
    '',
    `| server | 429 at 2× | accepted req/s at 2× | accepted p99 at ½ | accepted p99 at 2× | ratio (target ≤ 2×) | failures | RSS before → peak |`,
    `| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |`,
    ...overloads.map(
      ({ label, reference, loaded, rss }) =>
        `| ${label} | ${fixed(share(loaded))} % | ${fixed(rate(loaded), 0)} | ${fixed(reference.okP99)} ms | ${fixed(loaded.okP99)} ms | ${fixed(loaded.okP99 / reference.okP99, 2)}× | ${loaded.failures} | ${fixed(rss.first, 0)} → ${fixed(rss.peak, 0)} MiB |`,
    ),
  ].join('\n')
  writeFileSync(`${resultsDir}ml.md`, `${md}\n`)
  writeFileSync(
    `${resultsDir}ml.json`,
    `${JSON.stringify({ date: new Date().toISOString(), clients: CLIENTS, seconds, rows, capacity, overloads }, null, 2)}\n`,
  )
  console.log(`\n${md}`)
}

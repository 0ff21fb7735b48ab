/**
 * `npm run soak`: measures the Node server's maximum throughput on a request mix (valid GET and
 * POST, 422s, a valid and a forged JWT), then holds 80 % of it for `--minutes` while streams are
 * opened and cut off by the client, and reports memory at start and end and whether every
 * request resource that was set up was torn down. "Start" is after a warm-up at the same load
 * (`--warmup-seconds`), so the figures compare a warm server with itself; both are read when the
 * load has stopped and every teardown has run, after a full GC.
 *
 *   npm run soak -- --minutes 10 [--measure-seconds 10] [--warmup-seconds 30] [--connections 32]
 *                   [--load 0.8] [--streams 20]
 */
import { type ChildProcess, spawn } from 'node:child_process'
import { request as httpRequest } from 'node:http'
import { createInterface } from 'node:readline'
import { fileURLToPath } from 'node:url'
import { parseArgs } from 'node:util'
import autocannon from 'autocannon'
import { itemJson } from '../fixtures.ts'
import { benchToken, forgedToken } from '../tokens.ts'

const { values } = parseArgs({
  options: {
    minutes: { type: 'string', default: '1' },
    'measure-seconds': { type: 'string', default: '10' },
    connections: { type: 'string', default: '32' },
    load: { type: 'string', default: '0.8' },
    streams: { type: 'string', default: '20' },
    'warmup-seconds': { type: 'string', default: '30' },
  },
})
const minutes = Number(values.minutes)
const measureSeconds = Number(values['measure-seconds'])
const connections = Number(values.connections)
const load = Number(values.load)
const streamsPerSecond = Number(values.streams)
const warmupSeconds = Number(values['warmup-seconds'])

interface Stats {
  setups: number
  teardowns: number
  streamsCancelled: number
  rss: number
  heapUsed: number
  heapTotal: number
}

const json = { 'content-type': 'application/json' }
/** The mix, one of each per cycle: what autocannon's connections send in turn. */
const mix: autocannon.Request[] = [
  { method: 'GET', path: '/users/42?fields=a,b' },
  { method: 'GET', path: '/users/0' },
  { method: 'POST', path: '/items', headers: json, body: itemJson },
  { method: 'POST', path: '/items', headers: json, body: itemJson.replace('499.99', '-1') },
  { method: 'GET', path: '/me', headers: { authorization: `Bearer ${benchToken}` } },
  { method: 'GET', path: '/me', headers: { authorization: `Bearer ${forgedToken}` } },
]

function startServer(): Promise<{ origin: string; child: ChildProcess }> {
  const entry = fileURLToPath(new URL('./server.js', import.meta.url))
  const child = spawn(process.execPath, ['--expose-gc', entry], {
    stdio: ['ignore', 'pipe', 'inherit'],
  })
  return new Promise((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`soak server exited early (${code})`)))
    createInterface({ input: child.stdout! }).on('line', (line) => {
      const match = /listening on (http:\/\/\S+)/.exec(line)
      if (match?.[1]) resolve({ origin: match[1], child })
    })
  })
}

async function stats(origin: string, gc: boolean): Promise<Stats> {
  const response = await fetch(`${origin}/soak/stats?gc=${gc}`)
  return (await response.json()) as Stats
}

function run(options: autocannon.Options): Promise<autocannon.Result> {
  return new Promise((resolve, reject) => {
    autocannon(options, (error, result) => (error ? reject(error) : resolve(result)))
  })
}

/** Opens a stream, reads its first bytes, then goes away; resolves once the socket is closed. */
function cutStream(origin: string, path: string): Promise<'cut' | 'failed'> {
  return new Promise((resolve) => {
    const request = httpRequest(`${origin}${path}`, (response) => {
      response.once('data', () => {
        request.destroy()
        resolve(response.statusCode === 200 ? 'cut' : 'failed')
      })
      response.once('end', () => resolve('failed'))
    })
    request.on('error', () => resolve('failed'))
    request.end()
  })
}

/** Cuts `perSecond` streams a second (SSE and NDJSON in turn) until `stop()`. */
function streamCutter(origin: string, perSecond: number) {
  const outcomes = { cut: 0, failed: 0 }
  const pending = new Set<Promise<unknown>>()
  let n = 0
  const timer = setInterval(
    () => {
      const path = n++ % 2 === 0 ? '/stream/sse' : '/stream/ndjson'
      const done = cutStream(origin, path).then((outcome) => {
        outcomes[outcome]++
        pending.delete(done)
      })
      pending.add(done)
    },
    Math.max(1, Math.round(1000 / perSecond)),
  )
  return {
    outcomes,
    async stop() {
      clearInterval(timer)
      await Promise.all(pending)
    },
  }
}

/** Reads stats until every set-up has its teardown (the server notices a cut stream on its next write). */
async function settled(origin: string): Promise<Stats> {
  let last = await stats(origin, false)
  for (let attempt = 0; attempt < 2000 && last.setups !== last.teardowns; attempt++) {
    last = await stats(origin, false)
  }
  return stats(origin, true)
}

const mib = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MiB`
const growth = (start: number, end: number) => `${(((end - start) / start) * 100).toFixed(1)} %`

const { origin, child } = await startServer()
try {
  const cold = await stats(origin, true)
  console.log(`soak: measuring the maximum for ${measureSeconds} s (${connections} connections)…`)
  const max = await run({ url: origin, connections, duration: measureSeconds, requests: mix })
  const maxRps = max.requests.average
  const rate = Math.round(maxRps * load)
  const hold = async (seconds: number) => {
    const cutter = streamCutter(origin, streamsPerSecond)
    const result = await run({
      url: origin,
      connections,
      overallRate: rate,
      duration: seconds,
      requests: mix,
    })
    await cutter.stop()
    return { result, streams: cutter.outcomes }
  }
  console.log(
    `soak: max ${Math.round(maxRps)} req/s; warming up at ${rate} req/s for ${warmupSeconds} s…`,
  )
  await hold(warmupSeconds)
  const start = await settled(origin)
  console.log(
    `soak: holding ${rate} req/s (${load * 100} % of max) for ${minutes} min, ${streamsPerSecond} cut streams/s`,
  )
  const { result: held, streams } = await hold(Math.round(minutes * 60))
  const end = await settled(origin)
  const statuses = Object.entries(held.statusCodeStats ?? {})
    .map(([status, { count }]) => `${status}: ${count ?? 0}`)
    .join(', ')
  const rssGrowth = (end.rss - start.rss) / start.rss
  const balanced = end.setups === end.teardowns
  console.log(
    [
      `soak result (${minutes} min at ${rate} req/s target; Node ${process.version}):`,
      `  load         ${held.requests.total} requests, ${Math.round(held.requests.average)} req/s achieved, p99 ${held.latency.p99} ms`,
      `  statuses     ${statuses}; errors ${held.errors}, timeouts ${held.timeouts}`,
      `  streams      ${streams.cut} cut by the client in the hold (${streams.failed} failed); ${end.streamsCancelled - start.streamsCancelled} cancellations seen by the server`,
      `  RSS          ${mib(cold.rss)} cold, ${mib(start.rss)} at start, ${mib(end.rss)} at end (${growth(start.rss, end.rss)})`,
      `  heap used    ${mib(cold.heapUsed)} cold, ${mib(start.heapUsed)} at start, ${mib(end.heapUsed)} at end (${growth(start.heapUsed, end.heapUsed)}), after a full GC`,
      `  heap total   ${mib(start.heapTotal)} at start, ${mib(end.heapTotal)} at end`,
      `  teardowns    ${end.teardowns} of ${end.setups} set-ups since the server started${balanced ? ' (every one)' : ` (${end.setups - end.teardowns} missing)`}; in the hold ${end.teardowns - start.teardowns} of ${end.setups - start.setups}`,
      `  target       RSS growth under 10 %: ${rssGrowth < 0.1 ? 'met' : 'NOT met'}; every teardown run: ${balanced ? 'yes' : 'NO'}`,
    ].join('\n'),
  )
  process.exitCode = rssGrowth < 0.1 && balanced ? 0 : 1
} finally {
  child.kill('SIGTERM')
}

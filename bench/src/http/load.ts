/**
 * The load generator process: reads one JSON job per stdin line, runs it — autocannon as fast as
 * the server answers, or a paced load at a fixed rate (`paced-load.ts`) when the job has a `rate`
 * — and writes one JSON result per stdout line. One process serves every run, pinned to its own CPU.
 */
import { createInterface } from 'node:readline'
import autocannon from 'autocannon'
import type { HttpRequest } from './cases.ts'
import { type PacedJob, runPaced } from './paced-load.ts'

/** One load run. */
export interface LoadJob {
  url: string
  request: HttpRequest
  connections: number
  seconds: number
}

/** What one run measured. */
export interface LoadResult {
  rps: number
  p99_ms: number
  requests: number
  /** Non-2xx answers, socket errors and timeouts: a run with any is not valid. */
  failures: number
}

async function run(job: LoadJob): Promise<LoadResult> {
  const { request } = job
  const result = await autocannon({
    url: `${job.url}${request.path}`,
    method: request.method,
    ...(request.headers ? { headers: request.headers } : {}),
    ...(request.body === undefined ? {} : { body: request.body }),
    connections: job.connections,
    pipelining: 1,
    duration: job.seconds,
    // autocannon checks for the end of a run once per sample (default every 1,000 ms), which
    // rounds every duration up to whole seconds; sampling every 250 ms keeps 0.5 s runs 0.5 s.
    sampleInt: 250,
  })
  return {
    rps: result.requests.total / (result.duration || job.seconds),
    p99_ms: result.latency.p99,
    requests: result.requests.total,
    failures: result.non2xx + result.errors + result.timeouts,
  }
}

for await (const line of createInterface({ input: process.stdin })) {
  if (!line.trim()) continue
  try {
    const job = JSON.parse(line) as LoadJob | PacedJob
    const result = 'rate' in job ? await runPaced(job) : await run(job)
    process.stdout.write(`${JSON.stringify(result)}\n`)
  } catch (error) {
    process.stdout.write(`${JSON.stringify({ error: String(error) })}\n`)
  }
}

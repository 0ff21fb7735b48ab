/**
 * The ML bench's load generator process: one JSON job on argv, autocannon against it, latencies
 * kept per answer so accepted (200) and refused (429) requests are measured apart; one JSON line out.
 */
import autocannon from 'autocannon'
import { openLoop } from './open-loop.ts'

/** One load run. */
export interface MlLoadJob {
  readonly url: string
  readonly body: string
  readonly apiKey: string
  readonly connections: number
  readonly seconds: number
  /** Requests per second offered at a steady rate (open loop); left out, each connection sends back to back (autocannon). */
  readonly overallRate?: number
}

/** What one run measured (latencies in milliseconds). */
export interface MlLoadResult {
  readonly seconds: number
  readonly ok: number
  readonly rejected: number
  /** Anything but 200 and 429, socket errors and timeouts. */
  readonly failures: number
  readonly okP50: number
  readonly okP99: number
}

function percentile(sorted: readonly number[], share: number): number {
  if (sorted.length === 0) return Number.NaN
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * share))]!
}

function summarize(seconds: number, answers: readonly { status: number; ms: number }[]) {
  const ok = answers.filter((answer) => answer.status === 200).map((answer) => answer.ms)
  ok.sort((a, b) => a - b)
  const rejected = answers.filter((answer) => answer.status === 429).length
  return {
    seconds,
    ok: ok.length,
    rejected,
    failures: answers.length - ok.length - rejected,
    okP50: percentile(ok, 0.5),
    okP99: percentile(ok, 0.99),
  }
}

async function run(job: MlLoadJob): Promise<MlLoadResult> {
  if (job.overallRate) {
    const answers = await openLoop({
      url: `${job.url}/v1/sentiment`,
      body: job.body,
      headers: { 'content-type': 'application/json', 'x-api-key': job.apiKey },
      rate: job.overallRate,
      seconds: job.seconds,
      connections: job.connections,
    })
    return summarize(job.seconds, answers)
  }
  const ok: number[] = []
  let rejected = 0
  let other = 0
  let instance!: autocannon.Instance
  const finished = new Promise<autocannon.Result>((resolve, reject) => {
    instance = autocannon(
      {
        url: `${job.url}/v1/sentiment`,
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-api-key': job.apiKey },
        body: job.body,
        connections: job.connections,
        pipelining: 1,
        duration: job.seconds,
        sampleInt: 250,
      },
      (error, result) => (error ? reject(error) : resolve(result)),
    )
  })
  instance.on('response', (_client: unknown, status: number, _bytes: number, ms: number) => {
    if (status === 200) ok.push(ms)
    else if (status === 429) rejected++
    else other++
  })
  const result = await finished
  ok.sort((a, b) => a - b)
  return {
    seconds: result.duration || job.seconds,
    ok: ok.length,
    rejected,
    failures: other + result.errors + result.timeouts,
    okP50: percentile(ok, 0.5),
    okP99: percentile(ok, 0.99),
  }
}

const job = JSON.parse(process.argv[2] ?? '{}') as MlLoadJob
process.stdout.write(`${JSON.stringify(await run(job))}\n`)

/**
 * Registers the fuzz tests for one runtime: a short seeded property pass by default (part of
 * `npm test`), or, with `FUZZ_REQUESTS=n` in the environment (`npm run fuzz`), a long pass that
 * prints the outcomes counted by status. Both check every invariant on every answer, that the
 * server still answers afterwards, and that its memory stays within a bound.
 */
import fc from 'fast-check'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { describeRequest, hostileRequest } from './hostile-request.ts'
import { violations } from './invariants.ts'
import { rawExchange } from './node/raw-exchange.ts'
import { runFuzz, type Violation } from './run-fuzz.ts'
import { bucketOf, describeOutcome, type FuzzTarget, send } from './send.ts'

export interface StartedFuzzTarget extends FuzzTarget {
  /**
   * Bytes of RSS the runtime itself gains per request whatever the app does (measured on a
   * one-line app), added to the bound; 0 unless stated.
   */
  readonly runtimeGrowthPerRequest?: number
  stop(): Promise<void>
}

export interface FuzzSuiteOptions {
  readonly runtime: string
  start(): Promise<StartedFuzzTarget>
}

/** Requests per runtime in the short pass of `npm test`. */
const SHORT_RUNS = Number(process.env.FUZZ_SHORT_REQUESTS ?? 1000)
/** Requests per runtime in the long pass (`FUZZ_REQUESTS`, set by `npm run fuzz`); 0: the short pass. */
export const longRequests = Number(process.env.FUZZ_REQUESTS ?? 0)
const LONG_RUNS = longRequests
const SEED = Number(process.env.FUZZ_SEED ?? 12)
const WARM_UP = 300

/**
 * How much the server's resident memory may grow over a pass: allocators keep freed pages, so a
 * little growth is normal; keeping what each request sent (up to 2 MiB a body) is not.
 */
function memoryBound(before: number, requests: number, perRequest = 0): number {
  return (
    Math.max(96 * 1024 * 1024, before * 0.5) +
    (requests > 10_000 ? before * 0.25 : 0) +
    requests * perRequest
  )
}

const mib = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MiB`

async function expectStillAnswers(target: FuzzTarget) {
  const outcome = await rawExchange(target.baseUrl, {
    head: 'GET /items/1 HTTP/1.1\r\nHost: brisk.test\r\nConnection: close',
    body: new Uint8Array(),
    endAfterWrite: false,
    expectsNoBody: false,
  })
  expect(describeOutcome(outcome)).toBe(
    '200 application/json "{\\"id\\":1,\\"type\\":\\"number\\"}"',
  )
}

function printCounts(
  runtime: string,
  sent: number,
  counts: Record<string, number>,
  memory: string,
) {
  const rows = Object.entries(counts)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([bucket, count]) => `  ${bucket.padEnd(18)} ${String(count).padStart(7)}`)
  console.log(`fuzz ${runtime}: ${sent} requests, seed ${SEED}\n${rows.join('\n')}\n  ${memory}`)
}

/** One example per kind of violation, with how often it happened. */
function groupViolations(found: readonly Violation[]) {
  const groups = new Map<string, { count: number; example: Violation }>()
  for (const violation of found) {
    const key = violation.problems.join('; ').replace(/\d{3}/, 'NNN').slice(0, 60)
    const group = groups.get(key)
    if (group) group.count++
    else groups.set(key, { count: 1, example: violation })
  }
  return [...groups.values()]
}

/** Starts the target once and runs the pass for this environment against it. */
export function defineFuzzSuite({ runtime, start }: FuzzSuiteOptions): void {
  let target: StartedFuzzTarget | undefined
  const started = () => {
    if (!target) throw new Error(`${runtime} fuzz target did not start`)
    return target
  }

  describe(`${runtime} fuzz`, () => {
    beforeAll(async () => {
      target = await start()
      // Warm up first, so what the pass measures is growth, not the first allocations.
      await runFuzz(target, { requests: WARM_UP, seed: SEED - 1 })
    })
    afterAll(async () => {
      await target?.stop()
    })

    if (LONG_RUNS > 0) {
      it(`${LONG_RUNS} hostile requests break no invariant`, { timeout: 0 }, async () => {
        const server = started()
        const before = server.rss()
        const report = await runFuzz(server, {
          requests: LONG_RUNS,
          seed: SEED,
          onProgress: (sent) => {
            if (sent % 10_000 === 0) console.log(`fuzz ${runtime}: ${sent}/${LONG_RUNS}`)
          },
        })
        const after = server.rss()
        const memory =
          before === undefined || after === undefined
            ? 'server RSS: not readable here'
            : `server RSS: ${mib(before)} before, ${mib(after)} after`
        printCounts(runtime, report.sent, report.byStatus, memory)
        expect(groupViolations(report.violations)).toEqual([])
        await expectStillAnswers(server)
        if (before !== undefined && after !== undefined) {
          expect(after - before, memory).toBeLessThan(
            memoryBound(before, LONG_RUNS, server.runtimeGrowthPerRequest),
          )
        }
      })
    } else {
      it(`${SHORT_RUNS} seeded hostile requests break no invariant; the server answers and stays bounded`, async () => {
        const server = started()
        const counts: Record<string, number> = {}
        const before = server.rss()
        await fc.assert(
          fc.asyncProperty(hostileRequest, async (request) => {
            const outcome = await send(server, request)
            const bucket = bucketOf(outcome)
            counts[bucket] = (counts[bucket] ?? 0) + 1
            const problems = violations(request, outcome, server.runtime)
            expect(problems, `${describeRequest(request)}\n→ ${describeOutcome(outcome)}`).toEqual(
              [],
            )
          }),
          { seed: SEED, numRuns: SHORT_RUNS },
        )
        const after = server.rss()
        const memory =
          before === undefined || after === undefined
            ? 'server RSS: not readable here'
            : `server RSS: ${mib(before)} before, ${mib(after)} after`
        printCounts(runtime, SHORT_RUNS, counts, memory)
        await expectStillAnswers(server)
        if (before !== undefined && after !== undefined) {
          expect(after - before, memory).toBeLessThan(
            memoryBound(before, SHORT_RUNS, server.runtimeGrowthPerRequest),
          )
        }
      })
    }
  })
}

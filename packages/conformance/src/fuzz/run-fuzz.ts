/**
 * The long fuzz pass: samples hostile requests in seeded batches, sends them with bounded
 * concurrency and counts the outcomes by status, keeping every invariant violation with the
 * request that caused it.
 */
import fc from 'fast-check'
import { describeRequest, type HostileRequest, hostileRequest } from './hostile-request.ts'
import { violations } from './invariants.ts'
import { bucketOf, describeOutcome, type FuzzTarget, send } from './send.ts'

export interface FuzzOptions {
  readonly requests: number
  readonly seed: number
  readonly concurrency?: number
  readonly arbitrary?: fc.Arbitrary<HostileRequest>
  /** Called after each batch with the number sent so far. */
  readonly onProgress?: (sent: number) => void
}

export interface Violation {
  readonly request: string
  readonly outcome: string
  readonly problems: readonly string[]
}

export interface FuzzReport {
  readonly sent: number
  readonly byStatus: Readonly<Record<string, number>>
  readonly violations: readonly Violation[]
}

const BATCH = 500

/** Sends `requests` hostile requests to `target`; resolves with the counts and the violations. */
export async function runFuzz(target: FuzzTarget, options: FuzzOptions): Promise<FuzzReport> {
  const arbitrary = options.arbitrary ?? hostileRequest
  const byStatus: Record<string, number> = {}
  const found: Violation[] = []
  let sent = 0
  for (let batch = 0; sent < options.requests; batch++) {
    const size = Math.min(BATCH, options.requests - sent)
    const queue = fc.sample(arbitrary, { seed: options.seed + batch, numRuns: size })
    const worker = async () => {
      for (let request = queue.shift(); request; request = queue.shift()) {
        const outcome = await send(target, request)
        const bucket = bucketOf(outcome)
        byStatus[bucket] = (byStatus[bucket] ?? 0) + 1
        const problems = violations(request, outcome, target.runtime)
        if (problems.length > 0) {
          found.push({
            request: describeRequest(request),
            outcome: describeOutcome(outcome),
            problems,
          })
        }
      }
    }
    await Promise.all(Array.from({ length: options.concurrency ?? 8 }, worker))
    sent += size
    options.onProgress?.(sent)
  }
  return { sent, byStatus, violations: found }
}

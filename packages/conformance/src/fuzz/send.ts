/** Sends a hostile request to a fuzz target and sorts what came back into a status bucket. */
import { type HostileRequest, toRawExchange } from './hostile-request.ts'
import { answeredByApp } from './invariants.ts'
import { type Outcome, rawExchange } from './node/raw-exchange.ts'

/** A running copy of the fixture the fuzzer can reach over raw TCP. */
export interface FuzzTarget {
  readonly runtime: string
  readonly baseUrl: string
  /** Resident bytes of the server process, or undefined where that cannot be read. */
  rss(): number | undefined
}

export function send(target: FuzzTarget, request: HostileRequest): Promise<Outcome> {
  return rawExchange(target.baseUrl, toRawExchange(request))
}

/** `200`, `404`, `431 (runtime)`, `closed`, `timeout`: how outcomes are counted. */
export function bucketOf(outcome: Outcome): string {
  if (outcome.kind !== 'response') return outcome.kind
  return answeredByApp(outcome) ? String(outcome.status) : `${outcome.status} (runtime)`
}

/** One line for a report: status, the start of the body. */
export function describeOutcome(outcome: Outcome): string {
  if (outcome.kind !== 'response') return `${outcome.kind}: ${outcome.detail}`
  return `${outcome.status} ${outcome.headers['content-type'] ?? '-'} ${JSON.stringify(outcome.body.slice(0, 200))}`
}

/** What an in-process entry prints: per scenario and framework, one sample per counted round. */
import type { Target } from '../contract.ts'
import type { Budget } from '../measure.ts'

/** Issue 6's scenario ids for the routes the entry measures. */
export const scenarioIds: Readonly<Record<string, string>> = {
  'GET /users/{id}': 'S2',
  'POST /items': 'S3',
}

/** One mitata round: mean and 99th-percentile nanoseconds per request. */
export interface RoundSample {
  avgNs: number
  p99Ns: number
}

/** One framework on one scenario; `problems` non-empty means it failed the contract. */
export interface EntryResult {
  scenario: string
  framework: string
  target: Target
  problems: string[]
  rounds: RoundSample[]
}

/** The JSON line an entry writes to stdout. */
export interface EntryOutput {
  runtime: string
  version: string
  budget: Budget
  results: Omit<EntryResult, 'target'>[]
}

/** What an in-process entry prints: per scenario and framework, one sample per counted round. */
import type { Target } from '../contract.ts'
import type { Budget } from '../measure.ts'

/** Issue 6's scenario ids for the routes the entry measures. */
export const scenarioIds: Readonly<Record<string, string>> = {
  'GET /users/{id}': 'S2',
  'POST /items': 'S3',
  'GET /me (JWT)': 'S4',
}

/**
 * Whether issue 6 sets a target on this row: Brisk itself, by hand (≥ 0.8×) and Hono (≥ 1×) on S2
 * and S3, Hono on S4 on Bun (≥ 3×), Elysia on S2 on Bun. Not: the floor, Elysia on S3, Hono on S4
 * elsewhere.
 */
export function isTarget(runtime: string, scenario: string, framework: string): boolean {
  if (framework === 'Brisk' || framework === 'by hand') return true
  if (framework === 'Hono') return scenario !== 'S4' || runtime === 'bun'
  if (framework === 'Elysia') return scenario === 'S2'
  return false
}

/** Counted rounds for a row: all of them for targets, at most 3 for the rest (to save time). */
export function countedRounds(
  runtime: string,
  scenario: string,
  framework: string,
  rounds: number,
) {
  return isTarget(runtime, scenario, framework) ? rounds : Math.min(rounds, 3)
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

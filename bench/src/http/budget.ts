/**
 * How long the HTTP layer measures: per (scenario, peer) and repetition, in a fresh server process,
 * a warm-up, one saturated run (req/s) and one paced run at the scenario's fixed rate (server CPU
 * per request). Node's runs are longer than Bun's and Deno's, which share the same 10-odd minutes.
 */
import type { ScenarioId } from '../peers/index.ts'
import type { HttpRuntime } from './web-peers.ts'

/** How long each run lasts. */
export interface HttpBudget {
  warmupSeconds: number
  /** The saturated run (req/s). */
  seconds: number
  reps: number
  connections: number
  /** The paced run's counted window (CPU per request at the fixed rate). */
  cpuSeconds: number
  /** Paced, not counted, before that window. */
  leadSeconds: number
}

// Node: 37 (scenario, peer) pairs; S2–S6 (29 pairs) × 3 repetitions × (1 + 2 + 0.2 + 1 s), S1
// (8 pairs, no target) once, plus ~0.3 s per job and ~4 s of server startup per repetition:
// ≈ 95 × 4.6 s ≈ 7.5 min (was ≈ 4.1 min with one process per peer for all repetitions, one
// warm-up and no paced run); quick ≈ 37 × 2 s ≈ 1.2 min.
export const fullHttpBudget: HttpBudget = {
  warmupSeconds: 1,
  seconds: 2,
  reps: 3,
  connections: 32,
  cpuSeconds: 1,
  leadSeconds: 0.2,
}
export const quickHttpBudget: HttpBudget = {
  warmupSeconds: 0.15,
  seconds: 0.75,
  reps: 1,
  connections: 32,
  cpuSeconds: 0.5,
  leadSeconds: 0.2,
}

// Bun and Deno: 33 pairs (by hand skips S1), shorter runs: full ≈ 28 × 3 + 5 = 89 pair
// repetitions × (0.5 + 0.75 + 0.2 + 0.75 s + ~0.4 s) ≈ 3.9 min for both, quick ≈ 33 × 1.7 s ≈ 1 min.
export const fullWebHttpBudget: HttpBudget = {
  warmupSeconds: 0.5,
  seconds: 0.75,
  reps: 3,
  connections: 32,
  cpuSeconds: 0.75,
  leadSeconds: 0.2,
}
export const quickWebHttpBudget: HttpBudget = {
  warmupSeconds: 0.15,
  seconds: 0.5,
  reps: 1,
  connections: 32,
  cpuSeconds: 0.5,
  leadSeconds: 0.2,
}

/** The budget for `runtime`: Node's runs are longer than Bun's and Deno's. */
export function httpBudget(runtime: HttpRuntime, quick: boolean): HttpBudget {
  if (runtime === 'node') return quick ? quickHttpBudget : fullHttpBudget
  return quick ? quickWebHttpBudget : fullWebHttpBudget
}

/** The scenarios the issues set targets on (S7/S8: Brisk's shop ≥ 1.0× Fastify). */
export const targetScenarios: readonly ScenarioId[] = ['S2', 'S3', 'S4', 'S6', 'S7', 'S8']

/** Repetitions of a scenario: S1 has no target, so one is enough to fill its row. */
export const repsOf = (scenario: ScenarioId, budget: HttpBudget) =>
  targetScenarios.includes(scenario) ? budget.reps : Math.min(budget.reps, 1)

/** What the bench compares: each scenario is one route, a subject, a baseline and a target ratio. */
import { createBriskApp } from './apps/brisk.ts'
import { createDiChainApp } from './apps/brisk-di-chain.ts'
import { createInlineChainApp } from './apps/brisk-inline-chain.ts'
import { createHonoApp } from './apps/hono.ts'
import type { Target } from './contract.ts'
import { type Case, getMe, getMeJwt, getUser, postItem } from './fixtures.ts'

/** One side of a comparison. */
export interface Contender {
  label: string
  target: Target
}

export interface Scenario {
  test: Case
  /** What is measured… */
  subject: Contender
  /** …against what. */
  baseline: Contender
  /** The subject/baseline throughput ratio the subject must reach. */
  goal: number
}

/** Every scenario, in report order; apps are built once and shared between scenarios. */
export function createScenarios(): Scenario[] {
  const brisk = { label: 'Brisk', target: createBriskApp() }
  const hono = { label: 'Hono', target: createHonoApp() }
  return [
    { test: getUser, subject: brisk, baseline: hono, goal: 1 },
    { test: postItem, subject: brisk, baseline: hono, goal: 1 },
    // S4: `@brisk/auth` against `hono/jwt` (issue 6 sets ≥ 3× on Bun, `runtimes/`; ≥ 1× here).
    { test: getMeJwt, subject: brisk, baseline: hono, goal: 1 },
    {
      test: getMe,
      subject: { label: 'DI chain', target: createDiChainApp() },
      baseline: { label: 'inline', target: createInlineChainApp() },
      goal: 0.9,
    },
  ]
}

/**
 * The floor: no framework, just the expected answer as a fresh `Response`. Its time is what the
 * loop costs anyway (building the `Request`, the `Response`, reading it back); subtract it from a
 * framework's time to get that framework's own cost.
 */
import type { Target } from '../contract.ts'
import type { Case } from '../fixtures.ts'

const headers = { 'content-type': 'application/json' }

/** A target answering every request with the case's expected response. */
export function createFloor(test: Case): Target {
  return { fetch: () => new Response(test.body, { status: test.status, headers }) }
}

/** The check run before measuring: a peer that answers differently is reported, not measured. */
import type { Case } from './fixtures.ts'

/** Anything with a web-standard `fetch(Request)`. */
export interface Target {
  fetch: (request: Request) => Response | Promise<Response>
  /** Checked after the good request: what is wrong with the target's own state, if anything. */
  verify?: () => string | undefined
}

/** Returns what is wrong with the target's answers for one case; empty when it passes. */
export async function checkContract(target: Target, test: Case): Promise<string[]> {
  const problems: string[] = []
  try {
    const good = await target.fetch(test.good())
    const body = await good.text()
    const type = good.headers.get('content-type') ?? ''
    if (good.status !== test.status) problems.push(`good request: status ${good.status}`)
    if (body !== test.body) problems.push(`good request: body ${body.slice(0, 200)}`)
    if (!type.startsWith('application/json')) problems.push(`good request: content-type ${type}`)
    const state = target.verify?.()
    if (state) problems.push(`after the good request: ${state}`)
    const bad = await target.fetch(test.bad())
    await bad.arrayBuffer()
    if (bad.status !== test.badStatus)
      problems.push(`bad request: status ${bad.status}, expected ${test.badStatus}`)
  } catch (error) {
    problems.push(`threw ${error instanceof Error ? error.message : String(error)}`)
  }
  return problems
}

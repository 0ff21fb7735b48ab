/**
 * The contract test over real HTTP, run before anything is measured: a peer that answers a scenario
 * differently is reported and not measured on it.
 */
import { isDeepStrictEqual } from 'node:util'
import type { HttpCase, HttpRequest } from './cases.ts'

function send(origin: string, request: HttpRequest): Promise<Response> {
  const init: RequestInit = { method: request.method, signal: AbortSignal.timeout(5000) }
  if (request.headers) init.headers = request.headers
  if (request.body !== undefined) init.body = request.body
  return fetch(`${origin}${request.path}`, init)
}

/** What is wrong with a server's answers for one case; empty when it passes. */
export async function checkHttpContract(origin: string, test: HttpCase): Promise<string[]> {
  const problems: string[] = []
  try {
    const response = await send(origin, test.request)
    const text = await response.text()
    const type = response.headers.get('content-type') ?? ''
    if (response.status !== test.status)
      problems.push(`status ${response.status}, expected ${test.status}`)
    if (!type.startsWith(test.type)) problems.push(`content-type '${type}', expected ${test.type}`)
    const body = test.type === 'text/plain' ? text : parseJson(text)
    if (!isDeepStrictEqual(body, expectedBody(test, body))) {
      problems.push(`body ${text.slice(0, 160)}`)
    }
    for (const reject of test.rejects) {
      const answer = await send(origin, reject.request)
      await answer.arrayBuffer()
      if (answer.status !== reject.status) {
        problems.push(`${reject.label}: status ${answer.status}, expected ${reject.status}`)
      }
    }
  } catch (error) {
    problems.push(`request failed: ${error instanceof Error ? error.message : String(error)}`)
  }
  return problems
}

/** `test.body`, with each `anyNumber` key taking the answer's value when that is a number. */
function expectedBody(test: HttpCase, body: unknown): unknown {
  if (!test.anyNumber || typeof body !== 'object' || body === null) return test.body
  const expected = { ...(test.body as Record<string, unknown>) }
  for (const key of test.anyNumber) {
    const value = (body as Record<string, unknown>)[key]
    if (typeof value === 'number') expected[key] = value
  }
  return expected
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text)
  } catch {
    return text
  }
}

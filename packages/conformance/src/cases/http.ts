/** Small helpers the cases share: building requests, reading bodies, asserting error shapes. */
import { expect } from 'vitest'
import type { Target } from '../target.ts'

/** Cases build requests on this origin; each target keeps only the path and query. */
export const origin = 'http://brisk.test'

export function call(target: Target, path: string, init?: RequestInit): Promise<Response> {
  return target.fetch(new Request(`${origin}${path}`, init))
}

/** A JSON request init: `POST` unless told otherwise. */
export function jsonBody(value: unknown, method = 'POST'): RequestInit {
  return {
    method,
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(value),
  }
}

/** Asserts status, a JSON content type and the exact parsed body. */
export async function expectJson(response: Response, status: number, body: unknown) {
  const text = await response.text()
  expect(response.status, text).toBe(status)
  expect(response.headers.get('content-type')).toMatch(/^application\/json/)
  expect(JSON.parse(text)).toEqual(body)
}

/** Matches one FastAPI-style issue by type and loc (msg must be a sentence, input as given). */
export function issue(type: string, loc: (string | number)[], input?: unknown) {
  return expect.objectContaining({
    type,
    loc,
    msg: expect.any(String),
    ...(input === undefined ? {} : { input }),
  })
}

/** Asserts a 422 whose `detail` lists exactly these issues, in this order. */
export async function expectIssues(response: Response, issues: unknown[]) {
  await expectJson(response, 422, { detail: issues })
}

/** A stream that yields `size` bytes of `x` in chunks of `chunkSize`, with no known length. */
export function byteStream(size: number, chunkSize = 1024): ReadableStream<Uint8Array> {
  let sent = 0
  return new ReadableStream({
    pull(controller) {
      if (sent >= size) return controller.close()
      const length = Math.min(chunkSize, size - sent)
      sent += length
      controller.enqueue(new Uint8Array(length).fill(0x78))
    },
  })
}

/**
 * Retries `check` until it passes or `timeoutMs` elapses (then rethrows its last failure); for
 * effects that another request can observe only after the server has caught up.
 */
export async function eventually(check: () => Promise<void>, timeoutMs = 5000): Promise<void> {
  const deadline = Date.now() + timeoutMs
  for (let attempt = 1; ; attempt++) {
    try {
      return await check()
    } catch (error) {
      if (Date.now() > deadline) throw error
      await new Promise((resolve) => setTimeout(resolve, Math.min(10 * attempt, 100)))
    }
  }
}

/**
 * Tests of the body reader: the shared cases over the web `Request` and over a `RawRequest`, then
 * what the reader guarantees beyond them.
 */
import { describe, expect, test } from 'vitest'
import { RESET, type ReadBodyCase, rawRequestOf, readBodyCases } from './read-body.cases.ts'
import { type BodyBytes, cachedBody, readBody } from './read-body.ts'

const encoder = new TextEncoder()
const decoder = new TextDecoder()

function bodyStream(chunks: ReadBodyCase['chunks'], onCancel = () => {}) {
  let index = 0
  return new ReadableStream<Uint8Array>({
    pull(controller: ReadableStreamDefaultController<Uint8Array>) {
      const chunk = chunks[index++]
      if (chunk === undefined) controller.close()
      else if (chunk === RESET) controller.error(new Error('connection reset'))
      else controller.enqueue(encoder.encode(chunk))
    },
    cancel: onCancel,
  })
}

function requestOf(chunks: ReadBodyCase['chunks'], contentLength?: string, onCancel?: () => void) {
  const headers: Record<string, string> = { 'content-type': 'text/plain' }
  if (contentLength !== undefined) headers['content-length'] = contentLength
  return new Request('http://localhost/', {
    method: 'POST',
    headers,
    body: bodyStream(chunks, onCancel),
    duplex: 'half',
  } as RequestInit)
}

const outcome = (bytes: BodyBytes) => (typeof bytes === 'string' ? bytes : decoder.decode(bytes))

const sources = {
  'web Request': (request: Request) => ({
    read: (limit: number) => readBody(request, limit),
    reads: () => 0,
  }),
  RawRequest: (request: Request) => {
    const raw = rawRequestOf(request)
    return { read: (limit: number) => readBody(request, limit, raw), reads: () => raw.reads }
  },
}

describe.each(Object.entries(sources))('readBody from a %s', (_, source) => {
  test.each(readBodyCases)('$name', async ({ chunks, contentLength, reads }) => {
    const reader = source(requestOf(chunks, contentLength))
    const outcomes: string[] = []
    for (const [limit] of reads) outcomes.push(outcome(await reader.read(limit)))
    expect(outcomes).toEqual(reads.map(([, expected]) => expected))
    // The network is read once at most, whatever the number of readers.
    expect(reader.reads()).toBeLessThanOrEqual(1)
  })
})

describe('readBody', () => {
  test('does not touch the body when the declared length is over the limit', async () => {
    const request = requestOf(['abcd'], '4')
    const raw = rawRequestOf(request)
    expect(await readBody(request, 3, raw)).toBe('too_large')
    expect(raw.reads).toBe(0)
    expect(request.bodyUsed).toBe(false)
  })

  test('cancels a chunked body as soon as it goes past the limit', async () => {
    let cancelled = false
    const request = requestOf(['abc', 'def', 'ghi'], undefined, () => {
      cancelled = true
    })
    expect(await readBody(request, 4)).toBe('too_large')
    expect(cancelled).toBe(true)
  })

  test('reads concurrent readers of one request once, giving both the same bytes', async () => {
    const request = requestOf(['ab', 'cd'])
    const raw = rawRequestOf(request)
    const [first, second] = await Promise.all([
      readBody(request, 10, raw),
      readBody(request, 10, raw),
    ])
    expect(raw.reads).toBe(1)
    expect(first).toBe(second)
    expect(outcome(first as BodyBytes)).toBe('abcd')
  })

  test('keeps the bytes per request: another request with the same body is read on its own', async () => {
    const one = requestOf(['ab'])
    const two = requestOf(['cd'])
    expect(outcome(await readBody(one, 10))).toBe('ab')
    expect(outcome(await readBody(two, 10))).toBe('cd')
  })

  test('a request without a body gives no bytes', async () => {
    expect(outcome(await readBody(new Request('http://localhost/', { method: 'POST' }), 10))).toBe(
      '',
    )
  })
})

describe('cachedBody', () => {
  test('is undefined before a read and the read outcome after, reading nothing itself', async () => {
    const request = requestOf(['ab'], '2')
    expect(cachedBody(request)).toBeUndefined()
    expect(request.bodyUsed).toBe(false)
    await readBody(request, 10)
    expect(outcome((await cachedBody(request)) as BodyBytes)).toBe('ab')
  })
})

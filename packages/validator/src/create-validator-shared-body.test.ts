/** Tests that the validators of one request (a dependency's, the route's) share one body read. */
import * as v from 'valibot'
import { describe, expect, test } from 'vitest'
import { createValidator } from './create-validator.ts'
import { rawRequestOf } from './internal/read-body.cases.ts'

const encoder = new TextEncoder()

/** A JSON body on a stream of two chunks, without Content-Length; counts the chunks pulled. */
function chunkedJson(value: unknown) {
  const text = JSON.stringify(value)
  const chunks = [text.slice(0, 3), text.slice(3)]
  const pulled = { count: 0 }
  const body = new ReadableStream<Uint8Array>({
    pull(controller) {
      const chunk = chunks[pulled.count++]
      if (chunk === undefined) controller.close()
      else controller.enqueue(encoder.encode(chunk))
    },
  })
  const request = new Request('http://localhost/token', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body,
    duplex: 'half',
  } as RequestInit)
  return { request, pulled }
}

const security = createValidator({ body: v.object({ token: v.string() }) })
const route = createValidator({ body: { token: v.string(), amount: v.number() } })

const sources = {
  'web Request': (_request: Request) => ({ raw: undefined, reads: () => 0 }),
  RawRequest: (request: Request) => {
    const raw = rawRequestOf(request)
    return { raw, reads: () => raw.reads }
  },
}

describe.each(Object.entries(sources))('two validators of one %s', (_, source) => {
  test('both get the body, read once', async () => {
    const { request, pulled } = chunkedJson({ token: 't', amount: 5 })
    const { raw, reads } = source(request)
    expect(await security.validate(request, undefined, raw)).toMatchObject({
      ok: true,
      value: { body: { token: 't' } },
    })
    expect(await route.validate(request, undefined, raw)).toMatchObject({
      ok: true,
      value: { body: { token: 't', amount: 5 } },
    })
    expect(pulled.count).toBe(3) // two chunks and the end, once
    expect(reads()).toBeLessThanOrEqual(1)
  })

  test('each validates the shared body with its own schema', async () => {
    const { request } = chunkedJson({ token: 't', amount: 'five' })
    const { raw } = source(request)
    expect(await security.validate(request, undefined, raw)).toMatchObject({ ok: true })
    expect(await route.validate(request, undefined, raw)).toMatchObject({
      ok: false,
      status: 422,
      issues: [{ type: 'float_type', loc: ['body', 'amount'] }],
    })
  })

  test('a body over the first limit stays a 413 for the second validator', async () => {
    const small = createValidator({ body: { token: v.string() } }, { bodyLimit: 4 })
    const { request } = chunkedJson({ token: 't' })
    const { raw } = source(request)
    expect(await small.validate(request, undefined, raw)).toMatchObject({ ok: false, status: 413 })
    expect(await security.validate(request, undefined, raw)).toMatchObject({
      ok: false,
      status: 413,
    })
  })
})

import * as v from 'valibot'
import { encodeServerSentEvent } from '../server-sent-event.ts'
import type { StreamSpec } from '../types.ts'

const encoder = new TextEncoder()

const CONTENT_TYPES = {
  sse: 'text/event-stream; charset=utf-8',
  ndjson: 'application/x-ndjson',
} as const

/** Why a stream ended early: reported to the app's error hook; the client sees an error item. */
export class StreamItemError extends Error {
  readonly issues: readonly v.BaseIssue<unknown>[]
  constructor(issues: readonly v.BaseIssue<unknown>[]) {
    super(`A stream item does not match its schema: ${issues.map((i) => i.message).join('; ')}`)
    this.name = 'StreamItemError'
    this.issues = issues
  }
}

export function isAsyncIterable(value: unknown): value is AsyncIterable<unknown> {
  return typeof value === 'object' && value !== null && Symbol.asyncIterator in value
}

/**
 * Streams an async iterable, one item per chunk, pulled only when the client reads: a slow client
 * slows the producer, and a client that goes away stops it (the iterator's `return()` runs).
 * `onFinish` runs once when the stream ends, fails (then with the error) or is cancelled (request
 * teardown goes there).
 */
export function streamResponse(
  iterable: AsyncIterable<unknown>,
  spec: StreamSpec,
  status: number,
  reportError: (error: unknown) => void,
  onFinish?: (failure?: { readonly error: unknown }) => void,
): Response {
  const iterator = iterable[Symbol.asyncIterator]()
  // Set by `cancel` (the client went away): a `pull` still awaiting the producer must then neither
  // write to the closed stream nor report the failure that would cause — a disconnect is normal.
  let cancelled = false
  let finished = false
  const finish = (failure?: { readonly error: unknown }) => {
    if (finished) return
    finished = true
    onFinish?.(failure)
  }
  const encode = spec.format === 'sse' ? encodeServerSentEvent : encodeJsonLine
  const body = new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        try {
          const next = await iterator.next()
          if (cancelled) return
          if (next.done) {
            controller.close()
            return finish()
          }
          let item = next.value
          if (spec.item) {
            const result = v.safeParse(spec.item, item)
            if (!result.success) throw new StreamItemError(result.issues)
            item = result.output
          }
          controller.enqueue(encoder.encode(encode(item)))
        } catch (error) {
          if (cancelled) return // the producer failing as it is stopped is not an error
          reportError(error)
          controller.enqueue(encoder.encode(encodeFailure(spec)))
          controller.close()
          try {
            await iterator.return?.()
          } finally {
            finish({ error })
          }
        }
      },
      async cancel() {
        cancelled = true
        try {
          await iterator.return?.()
        } finally {
          finish()
        }
      },
    },
    { highWaterMark: 0 },
  )
  return new Response(body, {
    status,
    headers: {
      'content-type': CONTENT_TYPES[spec.format],
      'cache-control': 'no-cache',
      'x-accel-buffering': 'no',
    },
  })
}

/** The answer to HEAD on a streaming route: the stream's headers, no body, the producer stopped. */
export function emptyStream(
  iterable: AsyncIterable<unknown>,
  spec: StreamSpec,
  status: number,
): Response {
  void iterable[Symbol.asyncIterator]().return?.()
  return new Response(null, { status, headers: { 'content-type': CONTENT_TYPES[spec.format] } })
}

function encodeJsonLine(item: unknown): string {
  return `${JSON.stringify(item) ?? 'null'}\n`
}

function encodeFailure(spec: StreamSpec): string {
  const detail = JSON.stringify({ detail: 'Internal Server Error' })
  return spec.format === 'sse' ? `event: error\ndata: ${detail}\n\n` : `${detail}\n`
}

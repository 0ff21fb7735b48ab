/**
 * Reads a streamed answer as an async iterable of items: Server-Sent Events (each event's `data`,
 * parsed as JSON when it is JSON) or NDJSON (one JSON value per line). Leaving the loop early
 * cancels the body, which stops the server's producer. An `error` event, or the error item the
 * server sends when its stream fails, ends the loop with a {@link StreamError}.
 */
import { createParser, type EventSourceMessage } from 'eventsource-parser'

/** The server ended a stream with an error item; `body` is that item (`{"detail": …}`). */
export class StreamError extends Error {
  readonly code = 'BRISK_STREAM_ERROR'
  readonly body: unknown
  constructor(body: unknown) {
    super(`The stream ended with an error: ${JSON.stringify(body)}`)
    this.name = 'StreamError'
    this.body = body
  }
}

function parseData(data: string): unknown {
  try {
    return JSON.parse(data)
  } catch {
    return data // a plain string item is sent as it is
  }
}

async function* events(body: ReadableStream<Uint8Array>): AsyncGenerator<unknown> {
  const reader = body.getReader()
  const decoder = new TextDecoder()
  const parsed: EventSourceMessage[] = []
  const parser = createParser({ onEvent: (event) => parsed.push(event) })
  try {
    for (;;) {
      const next = await reader.read()
      if (next.done) return
      parser.feed(decoder.decode(next.value, { stream: true }))
      for (const event of parsed.splice(0)) {
        const data = parseData(event.data)
        if (event.event === 'error') throw new StreamError(data)
        yield data
      }
    }
  } finally {
    await reader.cancel().catch(() => {})
  }
}

function isFailure(item: unknown): boolean {
  return (
    typeof item === 'object' &&
    item !== null &&
    Object.keys(item).length === 1 &&
    (item as { detail?: unknown }).detail === 'Internal Server Error'
  )
}

async function* jsonLines(body: ReadableStream<Uint8Array>): AsyncGenerator<unknown> {
  const reader = body.getReader()
  const decoder = new TextDecoder()
  let buffered = ''
  try {
    for (;;) {
      const next = await reader.read()
      if (next.done) break
      buffered += decoder.decode(next.value, { stream: true })
      let newline = buffered.indexOf('\n')
      while (newline !== -1) {
        const line = buffered.slice(0, newline).trim()
        buffered = buffered.slice(newline + 1)
        if (line !== '') {
          const item: unknown = JSON.parse(line)
          if (isFailure(item)) throw new StreamError(item)
          yield item
        }
        newline = buffered.indexOf('\n')
      }
    }
    if (buffered.trim() !== '') yield JSON.parse(buffered)
  } finally {
    await reader.cancel().catch(() => {})
  }
}

/** The items of a `text/event-stream` or `application/x-ndjson` body. */
export function readStream(
  body: ReadableStream<Uint8Array>,
  format: 'sse' | 'ndjson',
): AsyncIterable<unknown> {
  return format === 'sse' ? events(body) : jsonLines(body)
}

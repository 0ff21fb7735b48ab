/**
 * One hostile HTTP/1.1 exchange over a fresh TCP connection: the request goes out byte for byte as
 * generated (raw targets, repeated headers, lying framing), and the answer is read back, cutting
 * streamed responses off after their first bytes as a client that goes away would.
 */
import { connect } from 'node:net'
import { brotliDecompressSync, constants, gunzipSync, inflateSync } from 'node:zlib'

/** What came back: a parsed response, or the connection ending without one. */
export type Outcome =
  | {
      readonly kind: 'response'
      readonly status: number
      readonly headers: Readonly<Record<string, string>>
      readonly body: string
      /** The body was cut off by the client (a stream) before it ended. */
      readonly cut: boolean
    }
  | { readonly kind: 'closed' | 'timeout'; readonly detail: string }

export interface RawExchange {
  /** Request line and header lines, CRLF-separated, without the blank line. */
  readonly head: string
  readonly body: Uint8Array
  /** Half-close after writing: the server sees the end of the request stream (a truncated body). */
  readonly endAfterWrite: boolean
  /** A HEAD request's response has headers only. */
  readonly expectsNoBody: boolean
}

const STREAMING = /text\/event-stream|application\/x-ndjson/
/** Bodies are read in full up to this size (the OpenAPI document is the largest). */
const MAX_BODY = 4 * 1024 * 1024

/**
 * Sends `exchange` to `baseUrl` and resolves with the outcome; never rejects. `timeoutMs` bounds a
 * server that neither answers nor closes, so a hang shows as an outcome instead of a stuck run.
 */
export function rawExchange(
  baseUrl: string,
  exchange: RawExchange,
  timeoutMs = 15_000,
): Promise<Outcome> {
  const { hostname, port } = new URL(baseUrl)
  return new Promise((resolve) => {
    const socket = connect({ host: hostname, port: Number(port) })
    let received = Buffer.alloc(0)
    let done = false
    const finish = (outcome: Outcome) => {
      if (done) return
      done = true
      clearTimeout(timer)
      socket.destroy()
      resolve(outcome)
    }
    const timer = setTimeout(() => {
      const partial = parse(received, exchange.expectsNoBody, true)
      finish(partial ?? { kind: 'timeout', detail: `${received.length} bytes in ${timeoutMs} ms` })
    }, timeoutMs)
    socket.on('connect', () => {
      // One write: a server that answers early and closes must not turn a second write into EPIPE.
      socket.write(
        Buffer.concat([Buffer.from(`${exchange.head}\r\n\r\n`, 'latin1'), exchange.body]),
      )
      if (exchange.endAfterWrite) socket.end()
    })
    socket.on('data', (data) => {
      received = Buffer.concat([received, data])
      const response = parse(received, exchange.expectsNoBody, false)
      if (response) finish(response)
    })
    // A server may reset the connection after answering early; the answer is what counts.
    const ended = (detail: string) =>
      finish(parse(received, exchange.expectsNoBody, true) ?? { kind: 'closed', detail })
    socket.on('error', (error) => ended(error.message))
    socket.on('end', () => ended(`closed after ${received.length} bytes`))
  })
}

/**
 * One response from `bytes`, or undefined while incomplete. At the end of the connection
 * (`atEnd`) a body framed by the close itself is complete.
 */
function parse(bytes: Buffer, noBody: boolean, atEnd: boolean): Outcome | undefined {
  const headEnd = bytes.indexOf('\r\n\r\n')
  if (headEnd < 0) return undefined
  const [statusLine = '', ...lines] = bytes.subarray(0, headEnd).toString('latin1').split('\r\n')
  const headers: Record<string, string> = {}
  for (const line of lines) {
    const colon = line.indexOf(':')
    const name = line.slice(0, colon).trim().toLowerCase()
    const value = line.slice(colon + 1).trim()
    headers[name] = headers[name] === undefined ? value : `${headers[name]}, ${value}`
  }
  const status = Number(statusLine.split(' ')[1])
  // 1xx (100 Continue) precedes the real response.
  if (status >= 100 && status < 200 && status !== 101) {
    return parse(bytes.subarray(headEnd + 4), noBody, atEnd)
  }
  const response = (body: Buffer, cut: boolean): Outcome => ({
    kind: 'response',
    status,
    headers,
    body: decode(body, headers['content-encoding'], cut),
    cut,
  })
  const rest = bytes.subarray(headEnd + 4)
  if (noBody || status === 204 || status === 304) return response(Buffer.alloc(0), false)
  const streaming = STREAMING.test(headers['content-type'] ?? '')
  if (headers['transfer-encoding']?.includes('chunked')) {
    const chunked = decodeChunked(rest)
    if (chunked.complete) return response(chunked.body, false)
    if ((streaming && chunked.body.length > 0) || atEnd || rest.length > MAX_BODY) {
      return response(chunked.body, true)
    }
    return undefined
  }
  const declared = headers['content-length']
  if (declared !== undefined) {
    const length = Number(declared)
    if (rest.length >= length) return response(rest.subarray(0, length), false)
    return atEnd ? response(rest, true) : undefined
  }
  // No framing: the body runs to the end of the connection.
  if (streaming && rest.length > 0) return response(rest, true)
  return atEnd || rest.length > MAX_BODY ? response(rest, !atEnd) : undefined
}

/** The body as text, decompressed when the server chose an encoding the request accepted. */
function decode(body: Buffer, encoding: string | undefined, cut: boolean): string {
  if (!encoding || encoding === 'identity' || body.length === 0) return body.toString('utf8')
  try {
    if (encoding === 'gzip')
      return gunzipSync(body, cut ? { finishFlush: constants.Z_SYNC_FLUSH } : {}).toString('utf8')
    if (encoding === 'br') return brotliDecompressSync(body).toString('utf8')
    if (encoding === 'deflate') return inflateSync(body).toString('utf8')
  } catch {
    // A stream cut off mid-member cannot be decompressed; what arrived is reported as is.
  }
  return body.toString('latin1')
}

function decodeChunked(bytes: Buffer): { body: Buffer; complete: boolean } {
  const parts: Buffer[] = []
  let offset = 0
  for (;;) {
    const lineEnd = bytes.indexOf('\r\n', offset)
    if (lineEnd < 0) return { body: Buffer.concat(parts), complete: false }
    const size = Number.parseInt(bytes.subarray(offset, lineEnd).toString('latin1'), 16)
    if (size === 0) return { body: Buffer.concat(parts), complete: true }
    const start = lineEnd + 2
    if (bytes.length < start + size + 2) {
      parts.push(bytes.subarray(start, Math.min(bytes.length, start + size)))
      return { body: Buffer.concat(parts), complete: false }
    }
    parts.push(bytes.subarray(start, start + size))
    offset = start + size + 2
  }
}

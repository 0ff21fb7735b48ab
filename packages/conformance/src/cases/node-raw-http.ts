/** A raw HTTP/1.1 exchange over TCP, for what `fetch` normalises away (framing, Content-Length). */
import { connect } from 'node:net'

export interface RawResponse {
  status: number
  headers: Record<string, string>
  body: string
}

/**
 * Writes `head` (request line and headers, CRLF-separated, without the blank line) and then each
 * body chunk, and reads the first response. Rejects after `timeoutMs`.
 */
export function rawHttp(
  baseUrl: string,
  head: string,
  bodyChunks: readonly string[] = [],
  timeoutMs = 5000,
): Promise<RawResponse> {
  const { hostname, port } = new URL(baseUrl)
  return new Promise((resolve, reject) => {
    const socket = connect({ host: hostname, port: Number(port) })
    let received = Buffer.alloc(0)
    const finish = (outcome: RawResponse | Error) => {
      clearTimeout(timer)
      socket.destroy()
      outcome instanceof Error ? reject(outcome) : resolve(outcome)
    }
    const timer = setTimeout(
      () => finish(new Error(`no complete response in ${timeoutMs} ms`)),
      timeoutMs,
    )
    // One write: a server that answers early and closes must not turn later writes into EPIPE.
    socket.on('connect', () => socket.write(`${head}\r\n\r\n${bodyChunks.join('')}`))
    socket.on('data', (data) => {
      received = Buffer.concat([received, data])
      const response = parseResponse(received)
      if (response) finish(response)
    })
    // A server may reset the connection after answering early; the answer is what counts.
    socket.on('error', (error) => finish(parseResponse(received) ?? error))
    socket.on('end', () => finish(parseResponse(received) ?? new Error('connection closed')))
  })
}

/** Parses one complete response (Content-Length or chunked), or returns undefined if incomplete. */
function parseResponse(bytes: Buffer): RawResponse | undefined {
  const headEnd = bytes.indexOf('\r\n\r\n')
  if (headEnd < 0) return undefined
  const [statusLine = '', ...lines] = bytes.subarray(0, headEnd).toString('latin1').split('\r\n')
  const headers: Record<string, string> = {}
  for (const line of lines) {
    const colon = line.indexOf(':')
    headers[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim()
  }
  const status = Number(statusLine.split(' ')[1])
  const rest = bytes.subarray(headEnd + 4)
  if (headers['transfer-encoding']?.includes('chunked')) {
    const body = decodeChunked(rest)
    return body === undefined ? undefined : { status, headers, body }
  }
  const length = Number(headers['content-length'] ?? 0)
  if (rest.length < length) return undefined
  return { status, headers, body: rest.subarray(0, length).toString('utf8') }
}

function decodeChunked(bytes: Buffer): string | undefined {
  const parts: Buffer[] = []
  let offset = 0
  for (;;) {
    const lineEnd = bytes.indexOf('\r\n', offset)
    if (lineEnd < 0) return undefined
    const size = Number.parseInt(bytes.subarray(offset, lineEnd).toString('latin1'), 16)
    if (size === 0) return Buffer.concat(parts).toString('utf8')
    const start = lineEnd + 2
    if (bytes.length < start + size + 2) return undefined
    parts.push(bytes.subarray(start, start + size))
    offset = start + size + 2
  }
}

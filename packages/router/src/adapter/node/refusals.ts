/**
 * What Node's HTTP server refuses before the app sees a request — malformed HTTP, a head over the
 * size cap, a client too slow to send its request, an `Expect` it cannot meet, a target
 * `@hono/node-server` cannot make a URL of (`OPTIONS *`, no `Host`) — answered as every other
 * refusal is: a JSON `{"detail": …}` body naming what was wrong, never an empty one.
 */
import type { IncomingMessage, Server, ServerResponse } from 'node:http'
import type { Duplex } from 'node:stream'

type Refusal = readonly [status: number, reason: string, detail: string]

/** Node's parser and timeout errors, by code; anything else the parser refuses is a 400. */
const CLIENT_ERRORS: Readonly<Record<string, Refusal>> = {
  HPE_HEADER_OVERFLOW: [
    431,
    'Request Header Fields Too Large',
    'The request line and headers are larger than this server accepts',
  ],
  HPE_CHUNK_EXTENSIONS_OVERFLOW: [
    413,
    'Content Too Large',
    'The chunk extensions are larger than this server accepts',
  ],
  ERR_HTTP_REQUEST_TIMEOUT: [408, 'Request Timeout', 'The request was not received in time'],
}
const MALFORMED: Refusal = [400, 'Bad Request', 'The request is not valid HTTP/1.1']

/** Answers the server's client errors and unmet expectations with JSON bodies. */
export function answerRefusals(server: Server): void {
  server.on('clientError', (error: NodeJS.ErrnoException, socket: Duplex) => {
    // Nothing to answer on a connection the client reset, or one whose response has begun.
    const response = (socket as { _httpMessage?: ServerResponse })._httpMessage
    if (error.code === 'ECONNRESET' || !socket.writable || response?.headersSent) {
      socket.destroy()
      return
    }
    const [status, reason, detail] = CLIENT_ERRORS[error.code ?? ''] ?? MALFORMED
    const body = JSON.stringify({ detail })
    const head = `HTTP/1.1 ${status} ${reason}\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n`
    // Closed once written, as Node's own answer is: the parser cannot read on from here.
    socket.end(head + body, () => socket.destroy())
  })
  server.on('checkExpectation', (request: IncomingMessage, response: ServerResponse) => {
    const detail = `Expect: ${request.headers.expect} is not supported (only 100-continue is)`
    const body = JSON.stringify({ detail })
    response.writeHead(417, {
      'content-type': 'application/json',
      'content-length': Buffer.byteLength(body),
      connection: 'close',
    })
    response.end(body)
  })
}

/**
 * `@hono/node-server`'s `errorHandler`: a request it could not turn into a web `Request` (its
 * `RequestError`) is a 400 saying why; anything else thrown before the app answered, a 500.
 */
export function requestErrorResponse(error: unknown): Response {
  if (error instanceof Error && error.name === 'RequestError') {
    return Response.json({ detail: `Bad request target: ${error.message}` }, { status: 400 })
  }
  return Response.json({ detail: 'Internal Server Error' }, { status: 500 })
}

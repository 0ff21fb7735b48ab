/**
 * The fuzzer's request arbitrary: a method, a raw target, headers (repeated, huge, forged
 * credentials, cookies, CORS) and a body with a framing that may lie, as plain data that can be
 * sent over a raw socket or, where the runtime is only reachable through `fetch`, as a Request.
 */
import fc from 'fast-check'
import { API_KEYS } from '../fixture/auth-config.ts'
import { body } from './bodies.ts'
import type { RawExchange } from './node/raw-exchange.ts'
import { authorization } from './node/tokens.ts'
import { methodOf, requestTarget } from './targets.ts'

/** How the body is framed on the wire. */
export type Framing =
  /** `Content-Length` equal to the body. */
  | 'length'
  /** `Transfer-Encoding: chunked`, in two chunks. */
  | 'chunked'
  /** No framing header: the server reads no body. */
  | 'none'
  /** A `Content-Length` larger than what is sent, then the client half-closes (a truncated body). */
  | 'truncated'
  /** Both `Content-Length` and `Transfer-Encoding` (a smuggling attempt). */
  | 'both'

export interface HostileRequest {
  readonly method: string
  readonly target: string
  /** The fixture route template aimed at (for reports; the server decides what it matched). */
  readonly template: string
  readonly headers: readonly (readonly [string, string])[]
  readonly contentType: string | undefined
  readonly body: Uint8Array
  readonly framing: Framing
}

const method = fc.oneof(
  { weight: 10, arbitrary: fc.constantFrom('GET', 'POST') },
  { weight: 4, arbitrary: fc.constantFrom('PUT', 'PATCH', 'DELETE', 'HEAD', 'OPTIONS') },
  {
    weight: 1,
    arbitrary: fc.constantFrom('get', 'Post', 'TRACE', 'PROPFIND', 'QUERY', 'BREW', 'M-SEARCH'),
  },
)

const cookie = fc.oneof(
  fc.constantFrom(
    'session=abc',
    'session=abc; theme=dark',
    'theme=purple',
    `api_key=${API_KEYS.acme}`,
    'session=a; session=b',
    '__proto__=x; constructor=y',
    'session="quoted"',
    'session=%zz',
    'session=a;;;;',
    '=;=;',
  ),
  fc.string({ maxLength: 40 }),
)

/** Header names the fixture reads, in the spellings clients use, and some it does not. */
const header = fc.oneof(
  { weight: 4, arbitrary: authorization.map((value) => ['authorization', value] as const) },
  { weight: 2, arbitrary: cookie.map((value) => ['cookie', value] as const) },
  {
    weight: 3,
    arbitrary: fc.tuple(
      fc.constantFrom(
        'x-trace',
        'x_trace',
        'X-Trace',
        'x-retries',
        'x-tenant',
        'x-request-id',
        'x-token',
      ),
      fc.oneof(fc.constantFrom('1', '-1', '1e999', 'acme', ''), fc.string({ maxLength: 20 })),
    ),
  },
  {
    weight: 2,
    arbitrary: fc.tuple(
      fc.constantFrom('x-api-key', 'X-API-KEY'),
      fc.constantFrom(
        API_KEYS.acme,
        API_KEYS.globex,
        `${API_KEYS.acme} `,
        'secret-key',
        'short',
        '',
      ),
    ),
  },
  {
    weight: 1,
    arbitrary: fc.tuple(
      fc.constantFrom('origin', 'access-control-request-method', 'access-control-request-headers'),
      fc.constantFrom(
        'https://allowed.test',
        'https://evil.test',
        'null',
        'POST',
        'x-api-key, authorization',
      ),
    ),
  },
  {
    weight: 1,
    arbitrary: fc.tuple(
      fc.constantFrom(
        'accept',
        'accept-encoding',
        'expect',
        'x-forwarded-for',
        'x-http-method-override',
      ),
      fc.constantFrom(
        '*/*',
        'text/event-stream',
        'gzip, br',
        '100-continue',
        '127.0.0.1',
        'DELETE',
      ),
    ),
  },
  {
    weight: 1,
    // Huge values: some under the 16 KiB head limit of Brisk's Node server, some over it.
    arbitrary: fc
      .tuple(
        fc.constantFrom('x-trace', 'authorization', 'cookie', 'x-filler'),
        fc.constantFrom(1000, 4000, 4000, 15_000, 70_000),
      )
      .map(
        ([name, size]) =>
          [
            name,
            name === 'authorization' ? `Bearer ${'a'.repeat(size)}` : 'v'.repeat(size),
          ] as const,
      ),
  },
)

/** Headers as a list (so they repeat), sometimes repeated wholesale. */
const headers = fc
  .tuple(fc.array(header, { maxLength: 5 }), fc.constantFrom(1, 1, 1, 1, 1, 1, 1, 1, 2, 3, 30))
  .map(([list, times]) => Array.from({ length: times }, () => list).flat())

const framing = fc.constantFrom<Framing>(
  'length',
  'length',
  'length',
  'length',
  'chunked',
  'none',
  'truncated',
  'both',
)

export const hostileRequest: fc.Arbitrary<HostileRequest> = fc
  .record({
    ownMethod: fc.boolean(),
    anyMethod: method,
    target: requestTarget,
    headers,
    body,
    framing,
    typeTwice: fc.boolean(),
  })
  .map(({ ownMethod, anyMethod, target, headers, body, framing, typeTwice }) => {
    // Half the time the route's own method, so requests get past routing into validation.
    const method = ownMethod ? methodOf(target.template) : anyMethod
    // GET and HEAD usually go without a body; sometimes they carry one anyway.
    const bodyless = (method === 'GET' || method === 'HEAD') && body.bytes.length % 4 !== 0
    const contentType = bodyless ? undefined : body.contentType
    const extra =
      typeTwice && contentType !== undefined ? [['content-type', 'text/plain'] as const] : []
    return {
      method,
      target: target.target,
      template: target.template,
      headers: [...headers, ...extra],
      contentType,
      body: bodyless ? new Uint8Array() : body.bytes,
      framing: bodyless ? 'none' : framing,
    }
  })

/** The request as bytes for a raw socket. */
export function toRawExchange(request: HostileRequest): RawExchange {
  const lines = [`${request.method} ${request.target} HTTP/1.1`, 'Host: brisk.test']
  if (request.contentType !== undefined) lines.push(`Content-Type: ${request.contentType}`)
  for (const [name, value] of request.headers) lines.push(`${name}: ${value}`)
  const { body } = request
  let bytes = body
  let endAfterWrite = false
  switch (request.framing) {
    case 'length':
      lines.push(`Content-Length: ${body.length}`)
      break
    case 'truncated':
      lines.push(`Content-Length: ${body.length + 10}`)
      endAfterWrite = true
      break
    case 'chunked':
    case 'both': {
      if (request.framing === 'both') lines.push(`Content-Length: ${body.length}`)
      lines.push('Transfer-Encoding: chunked')
      const half = Math.floor(body.length / 2)
      bytes = Buffer.concat([
        chunk(body.subarray(0, half)),
        chunk(body.subarray(half)),
        Buffer.from('0\r\n\r\n'),
      ])
      break
    }
    case 'none':
      bytes = new Uint8Array()
      break
  }
  lines.push('Connection: close')
  return {
    head: lines.join('\r\n'),
    body: bytes,
    endAfterWrite,
    expectsNoBody: request.method === 'HEAD',
  }
}

function chunk(bytes: Uint8Array): Buffer {
  if (bytes.length === 0) return Buffer.alloc(0)
  return Buffer.concat([
    Buffer.from(`${bytes.length.toString(16)}\r\n`),
    bytes,
    Buffer.from('\r\n'),
  ])
}

/** A short printable form of a request, for failure reports. */
export function describeRequest(request: HostileRequest): string {
  const text = new TextDecoder().decode(request.body.subarray(0, 300))
  const headers = request.headers
    .map(([name, value]) => `${name}: ${value.slice(0, 80)}`)
    .join(' | ')
  return `${request.method} ${request.target.slice(0, 300)} [${request.framing}] type=${request.contentType ?? '-'} headers=${headers || '-'} body(${request.body.length})=${JSON.stringify(text)}`
}

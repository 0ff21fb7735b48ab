/**
 * The body reader's shared cases: every source of body bytes (the web `Request`, an adapter's
 * `RawRequest`) must pass them alike.
 */
import type { RawRequest } from '../types.ts'
import { readLimited } from './read-body.ts'

/** A chunk that makes the body stream fail there, as a connection reset mid-body would. */
export const RESET = Symbol('reset')

export interface ReadBodyCase {
  readonly name: string
  /** The body as it arrives, chunk by chunk, on a stream. */
  readonly chunks: readonly (string | typeof RESET)[]
  /** The Content-Length header, when declared (it may lie); none means chunked. */
  readonly contentLength?: string
  /** Successive reads of the same request: each one's limit, and the text or outcome it gives. */
  readonly reads: readonly (readonly [limit: number, outcome: string])[]
}

export const readBodyCases: readonly ReadBodyCase[] = [
  {
    name: 'a declared length within the limit gives the body',
    chunks: ['{"a":1}'],
    contentLength: '7',
    reads: [[7, '{"a":1}']],
  },
  {
    name: 'a declared length over the limit is too large, without reading',
    chunks: ['{"a":1}'],
    contentLength: '7',
    reads: [[6, 'too_large']],
  },
  {
    name: 'a chunked body within the limit is joined',
    chunks: ['ab', 'cd', 'ef'],
    reads: [[6, 'abcdef']],
  },
  {
    name: 'a chunked body over the limit is too large',
    chunks: ['ab', 'cd', 'ef'],
    reads: [[5, 'too_large']],
  },
  {
    name: 'a Content-Length lying low cannot bring more than the limit',
    chunks: ['abcdef', 'ghij'],
    contentLength: '3',
    reads: [[5, 'too_large']],
  },
  {
    name: 'a Content-Length lying low within the limit gives what arrived',
    chunks: ['abcdef'],
    contentLength: '3',
    reads: [[10, 'abcdef']],
  },
  {
    name: 'an empty body gives no bytes',
    chunks: [],
    reads: [[10, '']],
  },
  {
    name: 'a second read gets the cached bytes',
    chunks: ['ab', 'cd'],
    reads: [
      [10, 'abcd'],
      [10, 'abcd'],
    ],
  },
  {
    name: 'a second read with a smaller limit than the cached bytes is too large',
    chunks: ['abcd'],
    contentLength: '4',
    reads: [
      [10, 'abcd'],
      [3, 'too_large'],
      [4, 'abcd'],
    ],
  },
  {
    name: 'a read after an over-limit read is too large, even with a larger limit',
    chunks: ['ab', 'cd'],
    reads: [
      [3, 'too_large'],
      [100, 'too_large'],
    ],
  },
  {
    name: 'a read after a declared over-limit length is too large, even with a larger limit',
    chunks: ['abcd'],
    contentLength: '4',
    reads: [
      [3, 'too_large'],
      [100, 'too_large'],
    ],
  },
  {
    name: 'a body that breaks off is unreadable, and stays so',
    chunks: ['ab', RESET],
    reads: [
      [10, 'unreadable'],
      [10, 'unreadable'],
    ],
  },
  {
    name: 'a declared body that breaks off is unreadable',
    chunks: ['ab', RESET],
    contentLength: '4',
    reads: [[10, 'unreadable']],
  },
]

/**
 * A test double of an adapter's raw request, built over a web `Request`; counts its reads. A body
 * without a Content-Length is framed as chunked, as it would arrive over HTTP/1.1.
 */
export function rawRequestOf(request: Request): RawRequest & { reads: number } {
  const headers = new Headers(request.headers)
  if (request.body !== null && !headers.has('content-length')) {
    headers.set('transfer-encoding', 'chunked')
  }
  const raw = {
    reads: 0,
    headers,
    read(limit: number) {
      raw.reads++
      return request.body === null
        ? Promise.resolve(new Uint8Array(0))
        : readLimited(request.body, limit)
    },
  }
  return raw
}

/**
 * The one body reader: each request's body is read once, within a byte limit, and the outcome is
 * kept for every later reader of the same `Request` (two validators, then the handler).
 */
import type { RawRequest } from '../types.ts'

/** A body that exceeded the limit it was read with (declared or actually received). */
export const TOO_LARGE = 'too_large'
/** A body whose read failed: the client went away or broke the framing mid-body. */
export const UNREADABLE = 'unreadable'

/** What reading a body gave: its bytes, or why there are none. */
export type BodyBytes = Uint8Array | typeof TOO_LARGE | typeof UNREADABLE

/**
 * Reads per request, so a body is read from the network once: keyed by the adapter's `RawRequest`
 * when the bytes come from it (an adapter makes one per HTTP request and passes the same one to
 * every validator), else by the web `Request`. Weak: an entry lives as long as its request.
 */
const reads = new WeakMap<Request | RawRequest, Promise<BodyBytes>>()

const DIGITS = /^\d+$/
const EMPTY = new Uint8Array(0)

/**
 * The request's body within `limit` bytes, read on the first call and cached: a later call gets
 * the same bytes, or `TOO_LARGE` when they exceed its own (smaller) limit. An outcome without
 * bytes is final: after a read that went over its limit, every later read is `TOO_LARGE`, even
 * with a larger limit, since the bytes were never kept. So in practice one request has one
 * limit: the route's `bodyLimit`, which each validator of a route should share.
 */
export function readBody(request: Request, limit: number, raw?: RawRequest): Promise<BodyBytes> {
  const key = raw ?? request
  const pending = reads.get(key)
  if (pending === undefined) {
    // The first read applies its own limit: handed back as is, no extra promise turn.
    const first = readOnce(request, limit, raw)
    reads.set(key, first)
    return first
  }
  return pending.then((bytes) =>
    typeof bytes !== 'string' && bytes.byteLength > limit ? TOO_LARGE : bytes,
  )
}

/** The outcome of a read already started for this request (or raw request), if any; reads nothing. */
export function cachedBody(request: Request | RawRequest): Promise<BodyBytes> | undefined {
  return reads.get(request)
}

async function readOnce(request: Request, limit: number, raw?: RawRequest): Promise<BodyBytes> {
  const contentLength = (raw ? raw.headers : request.headers).get('content-length')
  const declared =
    contentLength !== null && DIGITS.test(contentLength) ? Number(contentLength) : undefined
  if (declared !== undefined && declared > limit) return TOO_LARGE
  let bytes: Uint8Array | undefined
  try {
    if (raw) bytes = await raw.read(limit)
    else if (declared !== undefined) {
      // Within the limit as declared: the runtime's own reader is the fastest (native on Bun and
      // Deno). Servers frame such a body by its length; a `Request` built in-process with a wrong
      // header is caught by the length check below.
      bytes = new Uint8Array(await request.arrayBuffer())
    } else {
      const stream = request.body
      bytes = stream === null ? EMPTY : await readLimited(stream, limit)
    }
  } catch {
    return UNREADABLE
  }
  return bytes === undefined || bytes.byteLength > limit ? TOO_LARGE : bytes
}

/**
 * Reads a body stream, counting the bytes actually received. Past `limit` the stream is cancelled
 * and `undefined` returned, so a chunked body or a lying Content-Length cannot exhaust memory.
 */
export async function readLimited(
  body: ReadableStream<Uint8Array>,
  limit: number,
): Promise<Uint8Array | undefined> {
  const chunks: Uint8Array[] = []
  let total = 0
  const reader = body.getReader()
  for (;;) {
    const { done, value } = await reader.read()
    if (done) break
    total += value.byteLength
    if (total > limit) {
      // Not awaited: a misbehaving source must not hold the response back.
      reader.cancel().catch(() => {})
      return undefined
    }
    chunks.push(value)
  }
  return concatBytes(chunks, total)
}

/** Joins chunks into one array (the one chunk itself when there is only one). */
function concatBytes(chunks: readonly Uint8Array[], total: number): Uint8Array {
  if (chunks.length === 1) return chunks[0]!
  const bytes = new Uint8Array(total)
  let offset = 0
  for (const chunk of chunks) {
    bytes.set(chunk, offset)
    offset += chunk.byteLength
  }
  return bytes
}

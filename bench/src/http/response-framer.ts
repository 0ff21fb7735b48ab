/**
 * Finds where each HTTP/1.1 response ends in a keep-alive byte stream (a `Content-Length` or a
 * chunked body), for the paced load generator: it needs each answer's status and end, not its body.
 */

/** Feeds the bytes read from one connection and returns the responses they complete. */
export interface ResponseFramer {
  /** The statuses of the responses `chunk` completes, in order; the rest is kept for later. */
  push(chunk: Uint8Array): number[]
}

const blankLine = Buffer.from('\r\n\r\n')

/** A framer for one connection's responses. Throws on a response it cannot frame. */
export function createResponseFramer(): ResponseFramer {
  let pending: Buffer = Buffer.alloc(0)
  return {
    push(chunk) {
      const bytes = Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength)
      pending = pending.length ? Buffer.concat([pending, bytes]) : bytes
      const statuses: number[] = []
      for (let frame = nextFrame(pending); frame; frame = nextFrame(pending)) {
        statuses.push(frame.status)
        pending = pending.subarray(frame.end)
      }
      return statuses
    },
  }
}

/** The first complete response in `buffer`: its status and the offset after it. */
function nextFrame(buffer: Buffer): { status: number; end: number } | undefined {
  const headEnd = buffer.indexOf(blankLine)
  if (headEnd === -1) return undefined
  const head = buffer.toString('latin1', 0, headEnd)
  const status = Number(head.slice(9, 12))
  const bodyStart = headEnd + blankLine.length
  if (!Number.isInteger(status) || !head.startsWith('HTTP/1.')) {
    throw new Error(`not an HTTP/1.x response: ${JSON.stringify(head.slice(0, 40))}`)
  }
  if (status === 204 || status === 304 || (status >= 100 && status < 200)) {
    return { status, end: bodyStart }
  }
  const length = /\r\ncontent-length:[ \t]*(\d+)/i.exec(head)
  if (length) {
    const end = bodyStart + Number(length[1])
    return end <= buffer.length ? { status, end } : undefined
  }
  if (/\r\ntransfer-encoding:[^\r\n]*chunked/i.test(head)) {
    const end = chunkedEnd(buffer, bodyStart)
    return end === undefined ? undefined : { status, end }
  }
  // A body that ends when the connection closes cannot be followed by the next answer.
  throw new Error(`response ${status} has neither Content-Length nor chunked encoding`)
}

/** The offset after a chunked body starting at `from`, once all of it has arrived. */
function chunkedEnd(buffer: Buffer, from: number): number | undefined {
  let at = from
  for (;;) {
    const lineEnd = buffer.indexOf('\r\n', at)
    if (lineEnd === -1) return undefined
    // Chunk extensions (`;name=value`) are ignored by parseInt.
    const size = Number.parseInt(buffer.toString('latin1', at, lineEnd), 16)
    if (Number.isNaN(size)) throw new Error('bad chunk size line')
    if (size === 0) {
      // The last chunk, then optional trailers, then a blank line.
      if (buffer.length < lineEnd + 4) return undefined
      if (buffer[lineEnd + 2] === 13 && buffer[lineEnd + 3] === 10) return lineEnd + 4
      const trailersEnd = buffer.indexOf(blankLine, lineEnd + 2)
      return trailersEnd === -1 ? undefined : trailersEnd + blankLine.length
    }
    at = lineEnd + 2 + size + 2
    if (at > buffer.length) return undefined
  }
}

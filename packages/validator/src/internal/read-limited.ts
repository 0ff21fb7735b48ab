/**
 * Reads a body stream, counting the bytes actually received. Past `limit` the stream is cancelled
 * and `undefined` returned, so a chunked body or a lying Content-Length cannot exhaust memory.
 */
export async function readLimited(
  body: ReadableStream<Uint8Array> | AsyncIterable<Uint8Array>,
  limit: number,
): Promise<Uint8Array | undefined> {
  const chunks: Uint8Array[] = []
  let total = 0
  if (body instanceof ReadableStream) {
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
  } else {
    // Leaving the loop early closes the source (an adapter's request stream).
    for await (const value of body) {
      total += value.byteLength
      if (total > limit) return undefined
      chunks.push(value)
    }
  }
  if (chunks.length === 1) return chunks[0]
  const bytes = new Uint8Array(total)
  let offset = 0
  for (const chunk of chunks) {
    bytes.set(chunk, offset)
    offset += chunk.byteLength
  }
  return bytes
}

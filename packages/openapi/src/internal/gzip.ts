/** Gzip for responses, web standards only (`CompressionStream`: Node 18+, Bun, Deno, workerd). */

/** Whether an `Accept-Encoding` header takes gzip (`gzip`, `x-gzip` or `*`, with a q above 0). */
export function acceptsGzip(header: string | null): boolean {
  if (header === null) return false
  let wildcard = false
  for (const entry of header.toLowerCase().split(',')) {
    const [name = '', ...parameters] = entry.split(';').map((part) => part.trim())
    const q = parameters.find((parameter) => parameter.startsWith('q='))
    const accepted = q === undefined || Number(q.slice(2)) > 0
    if (name === 'gzip' || name === 'x-gzip') return accepted
    if (name === '*') wildcard = accepted
  }
  return wildcard
}

/** The gzip encoding of `body`. */
export async function gzip(body: Uint8Array<ArrayBuffer>): Promise<Uint8Array<ArrayBuffer>> {
  const stream = new Blob([body]).stream().pipeThrough(new CompressionStream('gzip'))
  return new Uint8Array(await new Response(stream).arrayBuffer())
}

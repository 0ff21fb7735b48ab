/** Reads an answer's body the way its content type says: JSON, a stream of items, or text. */
import { readStream } from './read-stream.ts'

const NO_BODY = new Set([204, 205, 304])

/** The body of `response` (`undefined` when it has none). */
export async function readResponse(response: Response, method: string): Promise<unknown> {
  if (method === 'HEAD' || NO_BODY.has(response.status) || response.body === null) {
    return undefined
  }
  const type = (response.headers.get('content-type') ?? '').split(';')[0]!.trim().toLowerCase()
  if (type === 'text/event-stream') return readStream(response.body, 'sse')
  if (type === 'application/x-ndjson') return readStream(response.body, 'ndjson')
  if (type === 'application/json' || type.endsWith('+json')) {
    const text = await response.text()
    return text === '' ? undefined : JSON.parse(text)
  }
  return response.text()
}

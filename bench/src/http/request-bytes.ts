/** One HTTP/1.1 keep-alive request as the bytes the paced load generator writes again and again. */
import type { HttpRequest } from './cases.ts'

/** The request `request` to `host` (`127.0.0.1:8080`), with `Content-Length` when it has a body. */
export function requestBytes(request: HttpRequest, host: string): Buffer {
  const body = request.body === undefined ? undefined : Buffer.from(request.body)
  const lines = [`${request.method} ${request.path} HTTP/1.1`, `host: ${host}`]
  for (const [name, value] of Object.entries(request.headers ?? {})) lines.push(`${name}: ${value}`)
  if (body) lines.push(`content-length: ${body.length}`)
  const head = Buffer.from(`${lines.join('\r\n')}\r\n\r\n`, 'latin1')
  return body ? Buffer.concat([head, body]) : head
}

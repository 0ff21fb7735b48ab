import { createServer, type IncomingMessage, type Server } from 'node:http'
import { connect } from 'node:net'
import { afterEach, describe, expect, it } from 'vitest'
import { IncomingRawRequest } from './incoming-raw-request.ts'

let server: Server | undefined
afterEach(() => server?.close())

/** Serves `handle` on a free port and returns the port. */
async function serveWith(handle: (request: IncomingMessage) => Promise<string> | string) {
  server = createServer(async (request, response) => response.end(await handle(request)))
  await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve))
  return (server.address() as { port: number }).port
}

/** Sends raw bytes and resolves with the whole answer once the server closes. */
function sendRaw(port: number, text: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1', () => socket.write(text))
    let answer = ''
    socket.on('data', (chunk) => {
      answer += chunk.toString()
    })
    socket.on('end', () => resolve(answer.slice(answer.indexOf('\r\n\r\n') + 4)))
    socket.on('error', reject)
  })
}

describe('IncomingRawRequest', () => {
  it('answers header lookups as Headers.get does: repeats joined, Cookie lines with "; "', async () => {
    const port = await serveWith((request) => {
      const headers = new IncomingRawRequest(request).headers
      return JSON.stringify(['cookie', 'x-tag', 'x-none'].map((name) => headers.get(name)))
    })
    const answer = await sendRaw(
      port,
      'GET / HTTP/1.1\r\nHost: x\r\nCookie: a=1\r\nX-Tag: p\r\nCookie: b=2\r\nX-Tag: q\r\nConnection: close\r\n\r\n',
    )
    expect(JSON.parse(answer)).toEqual(['a=1; b=2', 'p, q', null])
  })

  it('reads the whole body within the limit and stops with undefined past it', async () => {
    const port = await serveWith(async (request) => {
      const bytes = await new IncomingRawRequest(request).read(8)
      return bytes === undefined ? 'over' : new TextDecoder().decode(bytes)
    })
    const post = (body: string) =>
      `POST / HTTP/1.1\r\nHost: x\r\nContent-Length: ${body.length}\r\nConnection: close\r\n\r\n${body}`
    expect(await sendRaw(port, post('12345678'))).toBe('12345678')
    expect(await sendRaw(port, post('123456789'))).toBe('over')
  })

  it('rejects at once when the client left before the read started', async () => {
    let outcome: (value: string) => void
    const settled = new Promise<string>((resolve) => {
      outcome = resolve
    })
    const port = await serveWith(
      (request) =>
        new Promise<string>((resolve) => {
          // Read only after the connection is gone, as after a slow security dependency.
          request.once('close', () => {
            new IncomingRawRequest(request).read(1024).then(
              () => outcome('resolved'),
              () => outcome('rejected'),
            )
            resolve('')
          })
        }),
    )
    const socket = connect(port, '127.0.0.1', () => {
      const head = 'POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 100\r\n\r\n{"partial":'
      socket.write(head, () => socket.destroy()) // the body never ends: the client is gone
    })
    socket.on('error', () => {})
    expect(await settled).toBe('rejected')
  })
})

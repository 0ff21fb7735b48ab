/**
 * What Node's server refuses before the app sees a request is JSON like every other refusal:
 * driven over raw TCP, where a client can send what `fetch` never would.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { exchange } from '../../../test/support/raw-exchange.ts'
import { createApp } from '../../create-app.ts'
import { get } from '../../route.ts'
import { type NodeServer, serve } from './serve.ts'

/** The status line, the content type and the parsed JSON body of a raw response. */
function parse(response: string) {
  const [head = '', body = ''] = response.split('\r\n\r\n', 2)
  const lines = head.split('\r\n')
  const type = lines.find((line) => line.toLowerCase().startsWith('content-type:'))
  return { status: lines[0], type: type?.slice(13).trim(), body: JSON.parse(body) as unknown }
}

let node: NodeServer
beforeAll(async () => {
  const app = createApp({ routes: [get('/ping', () => 'pong')] })
  node = await serve(app, { port: 0, signals: [], exit: false, maxHeaderSize: 4_096 })
})
afterAll(() => node.close())

describe('serve (Node adapter) refusals before the app', () => {
  it('malformed HTTP is a JSON 400', async () => {
    expect(parse(await exchange(node.port, 'NOT HTTP AT ALL\r\n\r\n'))).toEqual({
      status: 'HTTP/1.1 400 Bad Request',
      type: 'application/json',
      body: { detail: 'The request is not valid HTTP/1.1' },
    })
  })

  it('a head over maxHeaderSize is a JSON 431', async () => {
    const request = `GET /ping HTTP/1.1\r\nHost: x\r\nX-Big: ${'a'.repeat(5_000)}\r\n\r\n`
    expect(parse(await exchange(node.port, request))).toEqual({
      status: 'HTTP/1.1 431 Request Header Fields Too Large',
      type: 'application/json',
      body: { detail: 'The request line and headers are larger than this server accepts' },
    })
  })

  it('an asterisk-form target is a JSON 400 naming the target', async () => {
    const response = parse(
      await exchange(node.port, 'OPTIONS * HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n'),
    )
    expect(response).toMatchObject({ status: 'HTTP/1.1 400 Bad Request', type: 'application/json' })
    expect(response.body).toEqual({ detail: expect.stringMatching(/^Bad request target: /) })
  })

  it('an Expect other than 100-continue is a JSON 417, and the app is not called', async () => {
    const request = 'GET /ping HTTP/1.1\r\nHost: x\r\nExpect: teapot\r\n\r\n'
    expect(parse(await exchange(node.port, request))).toEqual({
      status: 'HTTP/1.1 417 Expectation Failed',
      type: 'application/json',
      body: { detail: 'Expect: teapot is not supported (only 100-continue is)' },
    })
  })

  it('serves well-formed requests as before', async () => {
    const response = await exchange(
      node.port,
      'GET /ping HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n',
    )
    expect(response.startsWith('HTTP/1.1 200 OK')).toBe(true)
    expect(response.endsWith('"pong"')).toBe(true)
  })
})

import * as v from 'valibot'
import { afterEach, describe, expect, it } from 'vitest'
import { exchange } from '../../../test/support/raw-exchange.ts'
import { createApp } from '../../create-app.ts'
import { get, post } from '../../route.ts'
import { type NodeServeOptions, type NodeServer, serve } from './serve.ts'

const statusLine = (response: string) => response.split('\r\n', 1)[0]

const events: string[] = []
const app = createApp({
  routes: [
    get('/ping', () => 'pong'),
    post('/upload', { body: v.object({ name: v.string() }) }, ({ body }) => {
      events.push('handler ran')
      return body
    }),
  ],
})

const servers: NodeServer[] = []
async function listen(options: NodeServeOptions = {}) {
  const node = await serve(app, { port: 0, signals: [], exit: false, ...options })
  servers.push(node)
  return node
}

afterEach(async () => {
  events.length = 0
  await Promise.all(servers.splice(0).map((node) => node.close()))
})

describe('serve (Node adapter) limits', () => {
  it('listens on 127.0.0.1 by default and reports the address it bound', async () => {
    const node = await listen()
    expect(node.hostname).toBe('127.0.0.1')
    expect(node.server.address()).toMatchObject({ address: '127.0.0.1', port: node.port })
    expect(node.url).toBe(`http://127.0.0.1:${node.port}`)
  })

  it('brackets an IPv6 address in the url', async () => {
    const node = await listen({ hostname: '::1' })
    expect(node.hostname).toBe('::1')
    expect(node.url).toBe(`http://[::1]:${node.port}`)
  })

  it('bounds request, header and keep-alive times by default', async () => {
    const { server } = await listen()
    expect({
      requestTimeout: server.requestTimeout,
      headersTimeout: server.headersTimeout,
      keepAliveTimeout: server.keepAliveTimeout,
    }).toEqual({ requestTimeout: 30_000, headersTimeout: 10_000, keepAliveTimeout: 5_000 })
  })

  it('takes other times as options', async () => {
    const { server } = await listen({
      requestTimeout: 60_000,
      headersTimeout: 20_000,
      keepAliveTimeout: 65_000,
    })
    expect([server.requestTimeout, server.headersTimeout, server.keepAliveTimeout]).toEqual([
      60_000, 20_000, 65_000,
    ])
  })

  it('lowers the default headers timeout to a shorter request timeout', async () => {
    const { server } = await listen({ requestTimeout: 4_000 })
    expect([server.requestTimeout, server.headersTimeout]).toEqual([4_000, 4_000])
  })

  it('answers 408 and closes a connection whose body arrives too slowly', async () => {
    const { port } = await listen({ requestTimeout: 300 })
    // Three of the ten announced bytes, then nothing: the upload never completes.
    const head = `POST /upload HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 10\r\n\r\n{"n`
    const response = await exchange(port, head)
    expect(statusLine(response)).toBe('HTTP/1.1 408 Request Timeout')
    expect(events).toEqual([])
  })

  it('answers 408 to a client that never finishes its headers', async () => {
    const { port } = await listen({ headersTimeout: 300, requestTimeout: 600 })
    const response = await exchange(port, 'GET /ping HTTP/1.1\r\nHost: x\r\nX-Slow: a')
    expect(statusLine(response)).toBe('HTTP/1.1 408 Request Timeout')
  })

  it('answers 431 to headers over the cap, and serves headers under it', async () => {
    const { port } = await listen({ maxHeaderSize: 4_096 })
    const request = (size: number) =>
      `GET /ping HTTP/1.1\r\nHost: x\r\nConnection: close\r\nX-Big: ${'a'.repeat(size)}\r\n\r\n`
    expect(statusLine(await exchange(port, request(5_000)))).toBe(
      'HTTP/1.1 431 Request Header Fields Too Large',
    )
    const served = await exchange(port, request(3_000))
    expect(statusLine(served)).toBe('HTTP/1.1 200 OK')
    expect(served.endsWith('\r\n\r\n"pong"')).toBe(true)
  })

  it('caps headers at 16 KiB by default', async () => {
    const { port } = await listen()
    const request = `GET /ping HTTP/1.1\r\nHost: x\r\nX-Big: ${'a'.repeat(17_000)}\r\n\r\n`
    expect(statusLine(await exchange(port, request))).toBe(
      'HTTP/1.1 431 Request Header Fields Too Large',
    )
  })

  it('refuses a headers timeout above the request timeout before the app starts', async () => {
    const started: string[] = []
    const guarded = createApp({ routes: [], onStartup: [() => started.push('startup')] })
    await expect(
      serve(guarded, { port: 0, signals: [], headersTimeout: 40_000, requestTimeout: 30_000 }),
    ).rejects.toThrow(
      'serve(): headersTimeout (40000 ms) must not exceed requestTimeout (30000 ms): lower headersTimeout or raise requestTimeout',
    )
    await expect(serve(guarded, { port: 0, signals: [], keepAliveTimeout: -1 })).rejects.toThrow(
      'serve(): keepAliveTimeout must be a whole number of milliseconds (0 or more), got -1',
    )
    expect(started).toEqual([])
  })
})

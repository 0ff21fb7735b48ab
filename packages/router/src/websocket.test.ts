import type { AddressInfo } from 'node:net'
import * as v from 'valibot'
import { describe, expect, expectTypeOf, it } from 'vitest'
import WebSocket from 'ws'
import { serve } from './adapter/node/serve.ts'
import { createApp } from './create-app.ts'
import { dependency } from './dependency.ts'
import type { BriskSocket } from './websocket.ts'
import { ws } from './websocket.ts'

function deferred<TValue = void>() {
  let resolve!: (value: TValue) => void
  const promise = new Promise<TValue>((settle) => {
    resolve = settle
  })
  return { promise, resolve }
}

/** Opens a client socket; resolves once open, with its close code and its messages in order. */
function open(url: string) {
  const socket = new WebSocket(url)
  const messages: string[] = []
  const arrived: (() => void)[] = []
  socket.on('message', (data) => {
    messages.push(data.toString())
    arrived.shift()?.()
  })
  const closed = new Promise<number>((resolve) => socket.on('close', (code) => resolve(code)))
  const next = async () => {
    if (messages.length === 0) await new Promise<void>((resolve) => arrived.push(resolve))
    return messages.shift()!
  }
  return new Promise<{ socket: WebSocket; closed: Promise<number>; next: () => Promise<string> }>(
    (resolve, reject) => {
      socket.once('open', () => resolve({ socket, closed, next }))
      socket.once('error', reject)
    },
  )
}

describe('ws', () => {
  it('types messages from the schemas and the handler context from the inputs', () => {
    ws(
      '/chat',
      {
        query: { room: v.string() },
        incoming: v.object({ text: v.string() }),
        outgoing: v.object({ echo: v.string() }),
      },
      ({ query }) => {
        expectTypeOf(query).toEqualTypeOf<{ room: string }>()
        return {
          message(socket, message) {
            expectTypeOf(message).toEqualTypeOf<{ text: string }>()
            expectTypeOf(socket).toEqualTypeOf<BriskSocket<{ echo: string }>>()
            // @ts-expect-error the outgoing schema says { echo }
            void socket.send({ text: message.text })
          },
        }
      },
    )
    ws('/raw', {}, () => ({
      message(_socket, message) {
        expectTypeOf(message).toEqualTypeOf<string | Uint8Array>()
      },
    }))
  })

  it('on shutdown closes open sockets with 1001, runs their teardown, then the app shutdown', async () => {
    const events: string[] = []
    const session = dependency({}, function* () {
      events.push('session')
      yield 'session'
      events.push('session teardown')
    })
    const app = createApp({
      routes: [
        ws('/live', { deps: { session } }, () => ({ open: () => void events.push('open') })),
      ],
      onShutdown: [() => void events.push('shutdown hook')],
    })
    const server = await serve(app, { port: 0, signals: [] })
    const port = (server.server.address() as AddressInfo).port
    const client = await open(`ws://127.0.0.1:${port}/live`)
    expect(app.operations[0]?.websocket).toEqual({})

    await server.close()
    expect(await client.closed).toBe(1001)
    expect(events).toEqual(['session', 'open', 'session teardown', 'shutdown hook'])
  })

  it('reports a failing handler and closes its socket with 1011; the server goes on', async () => {
    const reported: unknown[] = []
    const app = createApp({
      routes: [
        ws('/fragile', { outgoing: v.object({ n: v.number() }) }, () => ({
          message: (socket, message) =>
            message === 'bad' ? socket.send({ n: 'not a number' } as never) : socket.send({ n: 1 }),
        })),
      ],
      onError: (error) => void reported.push(error),
    })
    const server = await serve(app, { port: 0, signals: [] })
    const port = (server.server.address() as AddressInfo).port
    try {
      const first = await open(`ws://127.0.0.1:${port}/fragile`)
      first.socket.send('bad')
      expect(await first.closed).toBe(1011)
      expect(reported).toEqual([expect.any(TypeError)])
      expect(String(reported[0])).toMatch(/outgoing schema/)

      const second = await open(`ws://127.0.0.1:${port}/fragile`)
      second.socket.send('good')
      expect(JSON.parse(await second.next())).toEqual({ n: 1 })
      second.socket.close()
    } finally {
      await server.close()
    }
  })

  it('makes send() wait while a slow client has more than the high-water mark queued', async () => {
    const highWaterMark = 256 * 1024
    const chunk = 'x'.repeat(64 * 1024)
    const count = 256 // 16 MiB in all: far more than the kernel's socket buffers hold
    const queued: number[] = []
    const backlogged = deferred()
    const finished = deferred()
    const app = createApp({
      routes: [
        ws('/flood', {}, () => ({
          async open(socket) {
            for (let index = 0; index < count; index++) {
              await socket.send(chunk)
              queued.push(socket.bufferedAmount)
              if (socket.bufferedAmount > 0) backlogged.resolve()
            }
            finished.resolve()
          },
        })),
      ],
      websockets: { highWaterMark },
    })
    const server = await serve(app, { port: 0, signals: [] })
    const port = (server.server.address() as AddressInfo).port
    try {
      const client = new WebSocket(`ws://127.0.0.1:${port}/flood`)
      let received = 0
      const allReceived = deferred()
      client.on('message', () => {
        received += 1
        if (received === count) allReceived.resolve()
      })
      await new Promise((resolve) => client.once('open', resolve))
      client.pause() // stop reading: the server's queue to this client grows
      await backlogged.promise
      client.resume()
      await finished.promise
      // Without the wait, the whole 16 MiB would have been queued at once.
      expect(Math.max(...queued)).toBeLessThanOrEqual(highWaterMark + chunk.length)
      await allReceived.promise // nothing lost
      client.close()
    } finally {
      await server.close()
    }
  })
  it("a client gone while send() waits for the drain ends the wait; the socket's signal says so", async () => {
    const chunk = 'x'.repeat(64 * 1024)
    const backlogged = deferred()
    const stopped = deferred<{ sent: number; aborted: boolean }>()
    const app = createApp({
      routes: [
        ws('/flood', {}, () => ({
          async open(socket) {
            let sent = 0
            // Far more than the client will ever read: only the close can end this loop.
            while (!socket.signal.aborted && sent < 100_000) {
              await socket.send(chunk)
              sent += 1
              if (socket.bufferedAmount > 0) backlogged.resolve()
            }
            stopped.resolve({ sent, aborted: socket.signal.aborted })
          },
        })),
      ],
      websockets: { highWaterMark: 256 * 1024 },
    })
    const server = await serve(app, { port: 0, signals: [] })
    const port = (server.server.address() as AddressInfo).port
    try {
      const client = new WebSocket(`ws://127.0.0.1:${port}/flood`)
      await new Promise((resolve) => client.once('open', resolve))
      client.pause()
      await backlogged.promise
      client.terminate()
      const { sent, aborted } = await stopped.promise
      expect(aborted).toBe(true)
      expect(sent).toBeLessThan(100_000)
    } finally {
      await server.close()
    }
  })
})

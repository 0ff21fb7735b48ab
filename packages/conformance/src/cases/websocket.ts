/**
 * WebSocket routes (`ws()`) over a real connection: the upgrade goes through the pipeline (inputs,
 * security, dependencies) before it happens, messages are checked by their schemas, limits close
 * with their codes, and a closed socket tears its request's dependencies down.
 */
import { expect } from 'vitest'
import WebSocket from 'ws'
import type { Case, Target } from '../target.ts'
import { call, eventually, expectJson, issue } from './http.ts'

interface OpenSocket {
  readonly socket: WebSocket
  /** The next message (text), in order of arrival. */
  next(): Promise<string>
  /** Resolves with the close code and reason once the socket is closed. */
  readonly closed: Promise<{ code: number; reason: string }>
}

/** An upgrade the server answered with a status instead. */
class Refused extends Error {
  constructor(
    readonly status: number,
    readonly headers: Record<string, string | string[] | undefined>,
    readonly body: string,
  ) {
    super(`upgrade refused with ${status}: ${body}`)
  }
}

function connect(target: Target, path: string): Promise<OpenSocket> {
  const socket = new WebSocket(`${target.websocketUrl}${path}`)
  const received: string[] = []
  const waiting: ((message: string) => void)[] = []
  socket.on('message', (data) => {
    const text = data.toString()
    const waiter = waiting.shift()
    if (waiter) waiter(text)
    else received.push(text)
  })
  const closed = new Promise<{ code: number; reason: string }>((resolve) =>
    socket.on('close', (code, reason) => resolve({ code, reason: reason.toString() })),
  )
  const next = () => {
    const message = received.shift()
    if (message !== undefined) return Promise.resolve(message)
    return new Promise<string>((resolve, reject) => {
      waiting.push(resolve)
      void closed.then(({ code }) => reject(new Error(`socket closed (${code}) before a message`)))
    })
  }
  return new Promise((resolve, reject) => {
    socket.once('open', () => resolve({ socket, next, closed }))
    socket.once('unexpected-response', (_request, response) => {
      let body = ''
      response.setEncoding('utf8')
      response.on('data', (chunk: string) => {
        body += chunk
      })
      response.on('end', () =>
        reject(new Refused(response.statusCode ?? 0, response.headers, body)),
      )
    })
    socket.once('error', reject)
  })
}

async function refusal(target: Target, path: string): Promise<Refused> {
  const error = await connect(target, path).then(
    ({ socket }) => {
      socket.terminate()
      throw new Error(`${path}: the upgrade was accepted`)
    },
    (reason: unknown) => reason,
  )
  if (!(error instanceof Refused)) throw error
  return error
}

const uniqueId = (label: string) => `${label}-${Math.random().toString(36).slice(2)}`

const events = async (target: Target, id: string) =>
  ((await (await call(target, `/di/log/${id}`)).json()) as { events: string[] }).events

export const websocketCases: Case[] = [
  {
    name: 'websocket: an upgrade with valid inputs opens; messages are checked and sent as JSON',
    needs: ['websocket'],
    run: async (target) => {
      const { socket, next, closed } = await connect(
        target,
        `/ws/echo?id=${uniqueId('e')}&name=ada`,
      )
      socket.send(JSON.stringify({ text: 'hello' }))
      expect(JSON.parse(await next())).toEqual({ from: 'ada', text: 'hello' })
      socket.send(JSON.stringify({ text: 'again', extra: 'dropped' }))
      expect(JSON.parse(await next())).toEqual({ from: 'ada', text: 'again' })
      socket.close(1000)
      expect((await closed).code).toBe(1000)
    },
  },
  {
    name: 'websocket: invalid inputs are a 422 before the upgrade; a dependency with valid inputs still runs',
    needs: ['websocket'],
    run: async (target) => {
      const id = uniqueId('bad')
      const refused = await refusal(target, `/ws/echo?id=${id}`)
      expect(refused.status).toBe(422)
      expect(refused.headers['content-type']).toMatch(/^application\/json/)
      expect(JSON.parse(refused.body)).toEqual({ detail: [issue('missing', ['query', 'name'])] })
      // As in FastAPI, the session (its `id` is valid) runs and no socket opens; the 422 is thrown
      // in at its `yield`, so its code after it (not in a `finally`) does not run.
      expect(await events(target, id)).toEqual(['open'])
    },
  },
  {
    name: 'websocket: security is checked before the upgrade (401), a valid key in the query opens',
    needs: ['websocket'],
    run: async (target) => {
      const missing = await refusal(target, '/ws/secured')
      expect(missing.status).toBe(401)
      expect(JSON.parse(missing.body)).toEqual({ detail: expect.any(String) })
      const wrong = await refusal(target, '/ws/secured?ticket=wrong-key-0123456789abcdef')
      expect(wrong.status).toBe(401)
      const { socket, next } = await connect(target, '/ws/secured?ticket=acme-key-0123456789abcdef')
      expect(await next()).toBe('welcome')
      socket.close()
    },
  },
  {
    name: 'websocket: an invalid message gets its issues as a message and the socket stays open',
    needs: ['websocket'],
    run: async (target) => {
      const { socket, next } = await connect(target, `/ws/echo?id=${uniqueId('i')}&name=ada`)
      socket.send(JSON.stringify({ text: '' }))
      expect(JSON.parse(await next())).toEqual({
        detail: [{ type: 'min_length', loc: ['message', 'text'], msg: expect.any(String) }],
      })
      socket.send('{"text": ')
      expect(JSON.parse(await next())).toEqual({
        detail: [{ type: 'json_invalid', loc: ['message'], msg: expect.any(String) }],
      })
      socket.send(JSON.stringify({ text: 'still here' }))
      expect(JSON.parse(await next())).toEqual({ from: 'ada', text: 'still here' })
      socket.close()
    },
  },
  {
    name: "websocket: onInvalidMessage 'close' closes with 1007",
    needs: ['websocket'],
    run: async (target) => {
      const { socket, next, closed } = await connect(target, '/ws/strict')
      socket.send(JSON.stringify({ text: 'ok' }))
      expect(await next()).toBe('ok')
      socket.send(JSON.stringify({ text: 42 }))
      expect((await closed).code).toBe(1007)
    },
  },
  {
    name: 'websocket: a message over the limit closes with 1009',
    needs: ['websocket'],
    run: async (target) => {
      const { socket, closed } = await connect(target, `/ws/echo?id=${uniqueId('big')}&name=ada`)
      socket.send(JSON.stringify({ text: 'x'.repeat(2000) }))
      expect((await closed).code).toBe(1009)
    },
  },
  {
    name: "websocket: the client's close runs the handler's close, then the request's teardown",
    needs: ['websocket'],
    run: async (target) => {
      const id = uniqueId('close')
      const { socket, next } = await connect(target, `/ws/echo?id=${id}&name=ada`)
      socket.send(JSON.stringify({ text: 'hi' }))
      await next()
      expect(await events(target, id)).toEqual(['open', 'socket open'])
      socket.close(1000)
      await eventually(async () =>
        expect(await events(target, id)).toEqual([
          'open',
          'socket open',
          'socket close 1000',
          'teardown',
        ]),
      )
    },
  },
  {
    name: 'websocket: shutting down closes open sockets with 1001 and tears each down',
    needs: ['websocket', 'websocketShutdown'],
    run: async (target) => {
      const ids = [uniqueId('down'), uniqueId('down')]
      const sockets = await Promise.all(
        ids.map((id) => connect(target, `/ws/echo?id=${id}&name=ada`)),
      )
      expect((await call(target, '/ws/close-all', { method: 'POST' })).status).toBe(204)
      for (const { closed } of sockets) expect((await closed).code).toBe(1001)
      for (const id of ids) {
        await eventually(async () =>
          expect(await events(target, id)).toEqual([
            'open',
            'socket open',
            'socket close 1001',
            'teardown',
          ]),
        )
      }
    },
  },
  {
    name: 'websocket: past the connection limit an upgrade gets 503 with Retry-After',
    needs: ['websocket'],
    run: async (target) => {
      const open = await Promise.all(
        Array.from({ length: 20 }, (_, index) => connect(target, `/ws/strict?n=${index}`)),
      )
      const refused = await refusal(target, '/ws/strict')
      expect(refused.status).toBe(503)
      expect(refused.headers['retry-after']).toBe('1')
      expect(JSON.parse(refused.body)).toEqual({ detail: expect.any(String) })
      for (const { socket } of open) socket.close()
      await Promise.all(open.map(({ closed }) => closed))
      // Closed sockets free their places.
      await eventually(async () => {
        const again = await connect(target, '/ws/strict')
        again.socket.close()
      })
    },
  },
  {
    // The answer also says `Upgrade: websocket`, which workerd drops (a hop-by-hop header).
    name: 'websocket: a plain GET to a WebSocket route is a JSON 426 before any dependency runs',
    run: async (target) => {
      const response = await call(target, '/ws/echo?id=plain&name=ada')
      await expectJson(response, 426, { detail: expect.any(String) })
      expect(await events(target, 'plain')).toEqual([])
    },
  },
]

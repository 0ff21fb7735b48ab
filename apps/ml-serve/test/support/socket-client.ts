/**
 * A WebSocket client for the tests (the `ws` package): messages as parsed JSON in order of
 * arrival, the close as a promise, and an upgrade the server refused as its status and body.
 */
import WebSocket from 'ws'

export interface TestSocket {
  readonly socket: WebSocket
  /** Sends `message` as JSON text. */
  send(message: unknown): void
  /** The next message, parsed; rejects if the socket closes first. */
  next(): Promise<any>
  /** Resolves with the close code once the socket is closed. */
  readonly closed: Promise<number>
}

/** An upgrade answered with a status instead of 101. */
export interface Refusal {
  readonly status: number
  readonly contentType: string | undefined
  readonly body: string
}

type Opened = { ok: true; socket: TestSocket } | { ok: false; refusal: Refusal }

function connect(url: string, headers: Record<string, string>): Promise<Opened> {
  const socket = new WebSocket(url, { headers })
  const received: string[] = []
  const waiting: ((text: string) => void)[] = []
  socket.on('message', (data) => {
    const text = data.toString()
    const waiter = waiting.shift()
    if (waiter) waiter(text)
    else received.push(text)
  })
  const closed = new Promise<number>((resolve) => socket.on('close', (code) => resolve(code)))
  const next = async () => {
    const text =
      received.shift() ??
      (await new Promise<string>((resolve, reject) => {
        waiting.push(resolve)
        void closed.then((code) =>
          reject(new Error(`the socket closed (${code}) before a message`)),
        )
      }))
    return JSON.parse(text)
  }
  const send = (message: unknown) => socket.send(JSON.stringify(message))
  return new Promise((resolve, reject) => {
    socket.once('open', () => resolve({ ok: true, socket: { socket, send, next, closed } }))
    socket.once('unexpected-response', (_request, response) => {
      let body = ''
      response.setEncoding('utf8')
      response.on('data', (chunk: string) => {
        body += chunk
      })
      response.on('end', () => {
        const contentType = response.headers['content-type']
        resolve({ ok: false, refusal: { status: response.statusCode ?? 0, contentType, body } })
      })
    })
    socket.once('error', reject)
  })
}

/** Opens a socket at `url`; throws if the upgrade is refused. */
export async function openSocket(url: string, headers: Record<string, string> = {}) {
  const opened = await connect(url, headers)
  if (!opened.ok) {
    throw new Error(`the upgrade was refused: ${opened.refusal.status} ${opened.refusal.body}`)
  }
  return opened.socket
}

/** The answer to an upgrade the server must refuse; throws if it was accepted. */
export async function refusedUpgrade(url: string, headers: Record<string, string> = {}) {
  const opened = await connect(url, headers)
  if (opened.ok) {
    opened.socket.socket.terminate()
    throw new Error(`${url}: the upgrade was accepted`)
  }
  return opened.refusal
}

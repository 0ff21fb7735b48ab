/**
 * The app's WebSocket hub: crossws hooks that every runtime adapter shares. An upgrade is first
 * sent through the app itself (`app.fetch`), so the WebSocket route's pipeline decides; a refusal
 * is that JSON answer, an acceptance opens the socket with the route's handlers. The hub counts
 * open sockets (a cap answers 503), enforces message limits and schemas, tears each request's
 * dependencies down when its socket closes, and closes every socket with 1001 at shutdown.
 */
import type { Hooks, Peer } from 'crossws'
import * as v from 'valibot'
import type { BriskSocket, WebSocketAcceptance } from '../websocket.ts'
import type { ErrorReporter } from './error-renderer.ts'
import type { WebSocketHub, WebSocketLimits } from './websocket-hub-api.ts'

export type { WebSocketHub, WebSocketLimits } from './websocket-hub-api.ts'

/** Requests being upgraded through a hub (a WebSocket route refuses any other with 426). */
const upgrading = new WeakSet<Request>()
/** What a WebSocket route accepted, by its upgrade request, until the hub opens the socket. */
const acceptances = new WeakMap<Request, Session>()

interface Session {
  readonly acceptance: WebSocketAcceptance
  /** Tears down the upgrade request's dependencies (once). */
  readonly end: () => void
}

/** Whether `request` reached the app through a hub that can upgrade it. */
export function isUpgrading(request: Request): boolean {
  return upgrading.has(request)
}

/** Called by the response stage when a WebSocket route's handler accepted the upgrade. */
export function acceptUpgrade(request: Request, acceptance: WebSocketAcceptance, end: () => void) {
  acceptances.set(request, { acceptance, end })
}

type Fetch = (
  request: Request,
  env?: unknown,
  executionCtx?: unknown,
) => Response | Promise<Response>

/** What a runtime entry passes along with an upgrade request (a Worker's env and context). */
const entryContexts = new WeakMap<Request, { env: unknown; executionCtx: unknown }>()

/** Lets the Workers entry give the upgrade's `app.fetch` its `env` and `ctx`. */
export function rememberEntryContext(request: Request, env: unknown, executionCtx: unknown) {
  entryContexts.set(request, { env, executionCtx })
}

interface OpenSocket {
  readonly session: Session
  readonly socket: BriskSocket
  readonly closed: Promise<void>
  readonly markClosed: () => void
  /** Aborted as the socket closes: its `signal`, and the end of any wait for a drain. */
  readonly closing: AbortController
}

const encoder = new TextEncoder()

function json(status: number, detail: string, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify({ detail }), {
    status,
    headers: { 'content-type': 'application/json', ...headers },
  })
}

function byteLength(data: unknown): number {
  if (typeof data === 'string') return encoder.encode(data).length
  if (data instanceof ArrayBuffer) return data.byteLength
  if (ArrayBuffer.isView(data)) return data.byteLength
  if (Array.isArray(data)) return data.reduce((sum: number, part) => sum + byteLength(part), 0)
  return 0
}

function messageIssues(issues: readonly v.BaseIssue<unknown>[]) {
  return issues.map((issue) => ({
    type: issue.type,
    loc: ['message', ...(issue.path ?? []).map((item) => item.key as string | number)],
    msg: issue.message,
  }))
}

/** Makes the hub of one app. */
export function createWebSocketHub(
  fetch: Fetch,
  report: ErrorReporter,
  limits: WebSocketLimits,
  maxPayload: number,
): WebSocketHub {
  const open = new Map<string, OpenSocket>()
  let pending = 0

  const fail = (error: unknown) => report(error, { request: undefined, operation: undefined })

  const socketOf = (peer: Peer, session: Session, closing: AbortController): BriskSocket => {
    const { outgoing } = session.acceptance.options
    const { signal } = closing
    return {
      id: peer.id,
      signal,
      get bufferedAmount() {
        return peer.bufferedAmount
      },
      async send(message: unknown) {
        if (signal.aborted) return
        let value = message
        if (outgoing) {
          const result = v.safeParse(outgoing, message)
          if (!result.success) {
            throw new TypeError(
              `A WebSocket message does not match its outgoing schema: ${result.issues.map((i) => i.message).join('; ')}`,
            )
          }
          value = result.output
        }
        peer.send(typeof value === 'string' && !outgoing ? value : JSON.stringify(value))
        if (peer.bufferedAmount > limits.highWaterMark) {
          // The socket's close ends the wait too (crossws rejects with the signal's reason).
          await peer
            .waitForDrain({ threshold: limits.highWaterMark / 4, signal })
            .catch(() => undefined)
        }
      },
      close: (code?: number, reason?: string) => peer.close(code, reason),
    }
  }

  const run = async (peer: Peer, work: () => unknown) => {
    try {
      await work()
    } catch (error) {
      fail(error)
      peer.close(1011, 'Internal Error')
    }
  }

  const hooks: Partial<Hooks> = {
    async upgrade(request) {
      if (open.size + pending >= limits.maxConnections) {
        return json(503, 'Too many open WebSockets', { 'retry-after': '1' })
      }
      pending += 1
      try {
        upgrading.add(request)
        const entry = entryContexts.get(request)
        const response = await fetch(request, entry?.env, entry?.executionCtx)
        const session = acceptances.get(request)
        if (session === undefined) return response
        acceptances.delete(request)
        return { context: { brisk: session } }
      } finally {
        pending -= 1
      }
    },
    async open(peer) {
      const session = peer.context.brisk as Session | undefined
      if (session === undefined) return peer.close(1011, 'Internal Error')
      let markClosed!: () => void
      const closed = new Promise<void>((resolve) => {
        markClosed = resolve
      })
      const closing = new AbortController()
      const socket = socketOf(peer, session, closing)
      open.set(peer.id, { session, socket, closed, markClosed, closing })
      const { handlers } = session.acceptance
      if (handlers.open) await run(peer, () => handlers.open!(socket))
    },
    async message(peer, message) {
      const entry = open.get(peer.id)
      if (entry === undefined) return
      const { options, handlers } = entry.session.acceptance
      const limit = options.maxMessageBytes ?? limits.maxMessageBytes
      if (byteLength(message.rawData) > limit) return peer.close(1009, 'Message Too Big')
      let value: unknown
      if (options.incoming) {
        const refused = (detail: unknown) => {
          if (options.onInvalidMessage === 'close') return peer.close(1007, 'Invalid message')
          peer.send(JSON.stringify({ detail }))
        }
        let parsed: unknown
        try {
          parsed = JSON.parse(message.text())
        } catch {
          return refused([{ type: 'json_invalid', loc: ['message'], msg: 'Invalid JSON' }])
        }
        const result = v.safeParse(options.incoming, parsed)
        if (!result.success) return refused(messageIssues(result.issues))
        value = result.output
      } else {
        value = typeof message.rawData === 'string' ? message.rawData : message.uint8Array()
      }
      if (handlers.message) await run(peer, () => handlers.message!(entry.socket, value))
    },
    async close(peer, details) {
      const entry = open.get(peer.id)
      if (entry === undefined) return
      open.delete(peer.id)
      entry.closing.abort()
      try {
        const { handlers } = entry.session.acceptance
        if (handlers.close) await handlers.close(entry.socket, details)
      } catch (error) {
        fail(error)
      } finally {
        entry.session.end()
        entry.markClosed()
      }
    },
    error(_peer, error) {
      fail(error)
    },
  }

  const hub: WebSocketHub = {
    limits,
    maxPayload,
    get size() {
      return open.size
    },
    async closeAll(timeoutMs = 5_000) {
      const waiting = [...open.values()].map((entry) => {
        entry.socket.close(1001, 'Going Away')
        return entry.closed
      })
      let timer: ReturnType<typeof setTimeout> | undefined
      const timeout = new Promise<void>((resolve) => {
        timer = setTimeout(resolve, timeoutMs)
      })
      await Promise.race([Promise.all(waiting), timeout])
      clearTimeout(timer)
    },
  }
  hubHooks.set(hub, hooks)
  return hub
}

/** Each hub's crossws hooks, kept off its public type. */
const hubHooks = new WeakMap<WebSocketHub, Partial<Hooks>>()

/** The crossws hooks the runtime adapters drive. */
export function hooksOf(hub: WebSocketHub): Partial<Hooks> {
  return hubHooks.get(hub)!
}

/** The answer to a WebSocket route reached without an upgrade it can perform. */
export function notUpgraded(request: Request): Response {
  if (request.headers.get('upgrade')?.toLowerCase() !== 'websocket') {
    return json(426, 'This endpoint is a WebSocket: connect with an Upgrade: websocket request', {
      upgrade: 'websocket',
    })
  }
  return json(
    501,
    'WebSocket upgrades need a Brisk server entry (@brisk/router/node, /bun, /deno or /workers)',
  )
}

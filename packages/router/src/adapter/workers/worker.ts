/**
 * The Workers entry: a module worker (`export default worker(app)`) that serves the app and its
 * WebSocket routes. Each upgrade goes through the app with the Worker's `env` and `ctx`, as any
 * request does, then the socket is one end of a `WebSocketPair` that lives with that request.
 *
 * Not crossws's Workers adapter: without a Durable Object it closes the client's end of the pair
 * and answers a client's close without its code. The pair is small enough to drive here. A socket
 * belongs to the request that opened it (Workers' I/O isolation): no other request, and so no
 * shutdown, can close it; sockets shared across requests need a Durable Object.
 */
import type { Peer } from 'crossws'
import { type BriskApp, websocketHub } from '../../create-app.ts'
import { hooksOf, rememberEntryContext, type WebSocketHub } from '../../internal/websocket-hub.ts'
import { isUpgradeRequest } from '../upgrade.ts'

/** The part of a Worker's `ctx` the entry passes on. */
export interface ExecutionContext {
  waitUntil(promise: Promise<unknown>): void
  passThroughOnException(): void
}

interface WorkersWebSocket extends WebSocket {
  accept(): void
}

declare const WebSocketPair: new () => { 0: WebSocket; 1: WorkersWebSocket }

/** A module worker serving `app`. */
export function worker<TEnv>(app: BriskApp): {
  fetch(request: Request, env: TEnv, ctx: ExecutionContext): Response | Promise<Response>
} {
  return {
    fetch(request, env, ctx) {
      if (!isUpgradeRequest(request)) return app.fetch(request, env as never, ctx as never)
      rememberEntryContext(request, env, ctx)
      return upgrade(websocketHub(app), request)
    },
  }
}

const encoder = new TextEncoder()

/** A message as the hub reads it (crossws's `Message` shape). */
function messageOf(data: string | ArrayBuffer) {
  return {
    rawData: data,
    text: () => (typeof data === 'string' ? data : new TextDecoder().decode(data)),
    uint8Array: () => (typeof data === 'string' ? encoder.encode(data) : new Uint8Array(data)),
  }
}

async function upgrade(hub: WebSocketHub, request: Request): Promise<Response> {
  const hooks = hooksOf(hub)
  const answer = await hooks.upgrade!(request)
  if (answer instanceof Response) return answer
  const pair = new WebSocketPair()
  const server = pair[1]
  server.accept()
  let closing = false
  const close = (code?: number, reason?: string) => {
    if (closing) return
    closing = true
    server.close(code, reason)
  }
  // The hub uses a peer's id, context, send, close and drain; Workers report no buffered amount.
  const peer = {
    id: crypto.randomUUID(),
    context: answer?.context ?? {},
    bufferedAmount: 0,
    send: (data: string) => server.send(data),
    close,
    waitForDrain: async () => {},
  } as unknown as Peer
  server.addEventListener('message', (event) => {
    void hooks.message?.(peer, messageOf(event.data) as never)
  })
  server.addEventListener('close', (event) => {
    // Answer the client's close with its own code (a close the server began is already sent).
    close(event.code === 1005 ? 1000 : event.code, event.reason)
    void hooks.close?.(peer, { code: event.code, reason: event.reason })
  })
  server.addEventListener('error', (event) => {
    void hooks.error?.(peer, (event as ErrorEvent).error)
  })
  void hooks.open?.(peer)
  return new Response(null, { status: 101, webSocket: pair[0] } as ResponseInit)
}

/**
 * The Bun peer: plain Hono with `upgradeWebSocket` and `websocket` from `hono/bun` on `Bun.serve`,
 * as Hono's docs show. Same echoes as the Node peer.
 */
import { Hono } from 'hono'
import { upgradeWebSocket, websocket } from 'hono/bun'

interface BunServer {
  readonly port: number
}
declare const Bun: { serve(options: Record<string, unknown>): BunServer }

/** Serves the peer on a free loopback port; answers that port. */
export function serveHonoEchoOnBun(): number {
  const app = new Hono()
  app.get(
    '/json',
    upgradeWebSocket(() => ({
      onMessage: (event, socket) => socket.send(JSON.stringify(JSON.parse(String(event.data)))),
    })),
  )
  app.get(
    '/text',
    upgradeWebSocket(() => ({ onMessage: (event, socket) => socket.send(String(event.data)) })),
  )
  return Bun.serve({ port: 0, hostname: '127.0.0.1', fetch: app.fetch, websocket }).port
}

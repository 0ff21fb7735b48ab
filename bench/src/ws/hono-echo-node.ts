/**
 * The Node peer: plain Hono with `@hono/node-ws` on `@hono/node-server`, as their docs show. `/json`
 * parses and re-stringifies each message (the work Brisk's JSON echo does, without a schema);
 * `/text` sends the text back.
 */
import type { AddressInfo } from 'node:net'
import { serve } from '@hono/node-server'
import { createNodeWebSocket } from '@hono/node-ws'
import { Hono } from 'hono'

/** Serves the peer on a free loopback port; resolves with that port. */
export function serveHonoEchoOnNode(): Promise<number> {
  const app = new Hono()
  const { upgradeWebSocket, injectWebSocket } = createNodeWebSocket({ app })
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
  return new Promise((resolve) => {
    const server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, (info) =>
      resolve((info as AddressInfo).port),
    )
    injectWebSocket(server)
  })
}

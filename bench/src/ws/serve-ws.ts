/**
 * A server process of the WebSocket bench: `node dist/ws/serve-ws.js <server>` or
 * `bun --conditions=source src/ws/serve-ws.ts <server>` (server: `brisk` or `hono`). Listens on a
 * free loopback port, prints `ready <port>`, then answers `memory` lines on stdin
 * (`server-control.ts`). Stopped by SIGTERM.
 */
import process from 'node:process'
import { readyLine, type WsServerId } from './echo-contract.ts'
import { answerControl } from './server-control.ts'

const onBun = 'Bun' in globalThis
const id = process.argv[2] as WsServerId | undefined

async function start(server: WsServerId | undefined): Promise<number> {
  if (server === 'brisk') {
    const { createBriskEchoApp } = await import('./brisk-echo-app.ts')
    const app = createBriskEchoApp()
    // Both entries take port 0 and report the bound port through onListen.
    const serve = onBun
      ? (await import('@brisk/router/bun')).serve
      : (await import('@brisk/router/node')).serve
    return new Promise((resolve) => {
      void serve(app, { port: 0, onListen: ({ port }) => resolve(port) })
    })
  }
  if (server === 'hono') {
    return onBun
      ? (await import('./hono-echo-bun.ts')).serveHonoEchoOnBun()
      : (await import('./hono-echo-node.ts')).serveHonoEchoOnNode()
  }
  throw new Error(`usage: serve-ws <brisk|hono>, got '${server}'`)
}

const port = await start(id)
answerControl()
console.log(readyLine(port))

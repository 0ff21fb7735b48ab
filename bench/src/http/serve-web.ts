/**
 * A server process of the HTTP bench on Bun or Deno, run from the TypeScript sources
 * (`bun --conditions=source src/http/serve-web.ts <peer> <port>`,
 * `deno run -A --conditions=source src/http/serve-web.ts <peer> <port>`): listens on 127.0.0.1 and
 * prints `ready <port>`, like `serve.ts` on Node. Peers: `brisk`, `by-hand`, `hono` (both
 * runtimes), `elysia` (Bun only). Stopped by SIGTERM (the runtime's default: exit).
 */
import process from 'node:process'

type Fetch = (request: Request) => Response | Promise<Response>
interface Runtimes {
  Bun?: { serve(options: { port: number; hostname: string; fetch: Fetch }): unknown }
  Deno?: {
    serve(options: { port: number; hostname: string; onListen(): void }, handler: Fetch): unknown
  }
}
const { Bun, Deno } = globalThis as unknown as Runtimes

const [id = '', portText = ''] = process.argv.slice(2)
const port = Number(portText)
const hostname = '127.0.0.1'
if (!Number.isInteger(port) || port <= 0)
  throw new Error(`usage: serve-web.ts <peer> <port>, got '${portText}'`)
const ready = () => console.log(`ready ${port}`)

/** Each app's fetch handler, wrapped the same way for every peer. */
async function fetchHandler(peer: string): Promise<Fetch> {
  if (peer === 'brisk') {
    const app = (await import('../peers/brisk-app.ts')).createBriskHttpApp()
    return (request) => app.fetch(request)
  }
  if (peer === 'by-hand') return (await import('../peers/by-hand-web.ts')).byHandFetch
  if (peer === 'hono') {
    const app = (await import('../peers/hono-app.ts')).createHonoHttpApp()
    return (request) => app.fetch(request)
  }
  throw new Error(`unknown peer '${peer}': brisk | by-hand | hono | elysia (Bun)`)
}

if (id === 'elysia') {
  if (!Bun) throw new Error('elysia is served on Bun only')
  // Elysia's own `listen` on Bun: `Bun.serve` with its compiled routes, as its docs show.
  const { createElysiaHttpApp } = await import('../peers/elysia-http-app.ts')
  createElysiaHttpApp().listen({ port, hostname }, ready)
} else if (Bun) {
  Bun.serve({ port, hostname, fetch: await fetchHandler(id) })
  ready()
} else if (Deno) {
  Deno.serve({ port, hostname, onListen: ready }, await fetchHandler(id))
} else throw new Error('serve-web.ts runs on Bun or Deno; Node uses serve.ts')

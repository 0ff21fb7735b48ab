/** `brisk run --runtime bun`: serves the app with `Bun.serve`; SIGTERM/SIGINT drain, then shut it down. */
import { decodeServeOptions } from '../serve-options.ts'
import { prepareApp } from './serve-web.ts'

interface BunServer {
  readonly port: number
  readonly hostname: string
  stop(closeActiveConnections?: boolean): Promise<void>
}
declare const Bun: {
  serve(options: {
    fetch: (request: Request) => Response | Promise<Response>
    port: number
    hostname: string
  }): BunServer
}

const options = decodeServeOptions(process.env)
const { app, fetch, listening } = await prepareApp(options, 'bun')
let server: BunServer
try {
  server = Bun.serve({ fetch, port: options.port, hostname: options.host })
} catch (error) {
  const taken = (error as { code?: string }).code === 'EADDRINUSE'
  console.error(
    taken
      ? `brisk: Port ${options.port} is already in use on ${options.host}: stop the other server or pick another with --port.`
      : `brisk: cannot listen on ${options.host}:${options.port}: ${String(error)}`,
  )
  await app.shutdown()
  process.exit(1)
}
listening(server.hostname, server.port)

let stopping = false
const stop = async () => {
  if (stopping) return
  stopping = true
  // stop() without `true` waits for in-flight requests.
  await server.stop()
  await app.shutdown()
  process.exit(0)
}
process.on('SIGTERM', stop)
process.on('SIGINT', stop)

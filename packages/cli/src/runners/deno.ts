/** `brisk run --runtime deno`: serves the app with `Deno.serve`; SIGTERM/SIGINT drain, then shut it down. */
import { decodeServeOptions } from '../serve-options.ts'
import { prepareApp } from './serve-web.ts'

interface DenoServer {
  readonly finished: Promise<void>
  shutdown(): Promise<void>
}
declare const Deno: {
  serve(
    options: {
      port: number
      hostname: string
      onListen: (address: { hostname: string; port: number }) => void
    },
    handler: (request: Request) => Response | Promise<Response>,
  ): DenoServer
  addSignalListener(signal: 'SIGTERM' | 'SIGINT', handler: () => void): void
}

const options = decodeServeOptions(process.env)
const { app, fetch, listening } = await prepareApp(options, 'deno')
let server: DenoServer
try {
  server = Deno.serve(
    {
      port: options.port,
      hostname: options.host,
      onListen: ({ hostname, port }) => listening(hostname, port),
    },
    fetch,
  )
} catch (error) {
  const taken = (error as { name?: string }).name === 'AddrInUse'
  console.error(
    taken
      ? `brisk: Port ${options.port} is already in use on ${options.host}: stop the other server or pick another with --port.`
      : `brisk: cannot listen on ${options.host}:${options.port}: ${String(error)}`,
  )
  await app.shutdown()
  process.exit(1)
}

let stopping = false
const stop = async () => {
  if (stopping) return
  stopping = true
  // shutdown() stops accepting and waits for in-flight requests.
  await server.shutdown()
  await app.shutdown()
  process.exit(0)
}
Deno.addSignalListener('SIGTERM', stop)
Deno.addSignalListener('SIGINT', stop)

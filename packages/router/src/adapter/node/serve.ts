/**
 * The Node adapter: serves a Brisk app with `@hono/node-server`, runs its startup before listening,
 * and on SIGTERM/SIGINT stops accepting, lets in-flight requests finish, runs shutdown, then exits.
 * Safe by default: loopback only, bounded request/header/keep-alive times and header size.
 */
import { createServer, type Server, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { getRequestListener, type HttpBindings } from '@hono/node-server'
import nodeAdapter from 'crossws/adapters/node'
import { type BriskApp, websocketHub } from '../../create-app.ts'
import { RAW_REQUEST } from '../../internal/raw-request.ts'
import { hooksOf } from '../../internal/websocket-hub.ts'
import { chosenPort } from '../chosen-port.ts'
import { listenFailure } from '../listen-error.ts'
import { IncomingRawRequest } from './incoming-raw-request.ts'
import { answerRefusals, requestErrorResponse } from './refusals.ts'
import { type ServerLimits, serverOptions } from './server-limits.ts'

export { ListenError, type ListenErrorCode } from '../listen-error.ts'
export type { ServerLimits } from './server-limits.ts'

export interface NodeServeOptions extends ServerLimits {
  /** Default: the `PORT` environment variable, else 8000; `0` picks a free port. */
  readonly port?: number
  /** Default `127.0.0.1` (this machine only); `0.0.0.0` or `::` to listen on every interface, as in a container. */
  readonly hostname?: string
  /** Signals that stop the server gracefully (default SIGINT and SIGTERM); `[]` to handle them yourself. */
  readonly signals?: readonly NodeJS.Signals[]
  /**
   * `serve()` owns the process (default true): it exits after a signal-triggered shutdown, and a
   * taken port is one line on stderr and exit code 1. `false`: it never exits, and a listen error
   * rejects (a `ListenError` when there is advice to give).
   */
  readonly exit?: boolean
  /** How long in-flight requests (and open streams) may take once closing starts (default 10 s). */
  readonly shutdownTimeout?: number
  /** Called once listening, with the address actually bound (port 0 becomes the real port). */
  readonly onListen?: (info: ListeningInfo) => void
}

/** Where the server listens. */
export interface ListeningInfo {
  readonly port: number
  readonly hostname: string
  /** `http://hostname:port`, IPv6 in brackets. */
  readonly url: string
}

export interface NodeServer extends ListeningInfo {
  readonly server: Server
  /** Stops accepting, waits for in-flight requests, then runs the app's shutdown. */
  close(): Promise<void>
}

/**
 * Starts the app, then serves it on Node. A listen error (e.g. the port is taken) shuts the app
 * down again, then exits the process with one line on stderr (or rejects, under `exit: false`).
 *
 * @example
 * import { serve } from '@brisk/router/node'
 * await serve(app, { port: 8000, onListen: ({ url }) => console.log(`listening on ${url}`) })
 * // in a container: serve(app, { hostname: '0.0.0.0' })
 */
export async function serve(app: BriskApp, options: NodeServeOptions = {}): Promise<NodeServer> {
  // Checked before startup: a misconfigured server must not open the app's resources first.
  const limits = serverOptions(options)
  const { port, portFrom } = chosenPort(options.port, process.env.PORT)
  const hostname = options.hostname ?? '127.0.0.1'
  await app.startup()
  // Keep-alive connections would keep serving (and keep close() waiting) after closing starts:
  // in-flight and new requests are answered `connection: close`, and idle connections dropped.
  const inFlight = new Set<ServerResponse>()
  let closingStarted = false
  const handle = requestListener(app)
  const server = createServer(limits, (request, response) => {
    if (closingStarted) response.shouldKeepAlive = false
    inFlight.add(response)
    // One promise reaction per request (cheaper than a 'close' listener): the listener settles
    // once the response is written.
    const settled = () => inFlight.delete(response)
    handle(request, response).then(settled, settled)
  })
  answerRefusals(server)
  // WebSocket upgrades (`ws()` routes) reach the app through its hub, whose hooks run the route.
  const hub = websocketHub(app)
  const sockets = nodeAdapter({
    hooks: hooksOf(hub),
    idleTimeout: hub.limits.idleTimeout,
    serverOptions: { maxPayload: hub.maxPayload },
  })
  server.on('upgrade', (request, socket, head) => {
    if (closingStarted) return socket.destroy()
    sockets.handleUpgrade(request, socket, head)
  })
  let address: AddressInfo
  try {
    address = await listen(server, port, hostname)
  } catch (error) {
    await app.shutdown()
    const exit = options.exit === false ? undefined : (code: number) => process.exit(code)
    throw listenFailure(error, { port, hostname, portFrom }, exit)
  }

  const handlers = new Map<NodeJS.Signals, () => void>()
  let closing: Promise<void> | undefined
  const close = () => {
    closingStarted = true
    closing ??= Promise.all([
      new Promise<void>((resolve, reject) => {
        for (const [signal, handler] of handlers) process.off(signal, handler)
        server.close((error) => (error ? reject(error) : resolve()))
        for (const response of inFlight) {
          if (!response.headersSent) response.shouldKeepAlive = false
          else response.once('close', () => server.closeIdleConnections()) // a stream already started
        }
        server.closeIdleConnections()
        const timer = setTimeout(
          () => server.closeAllConnections(),
          options.shutdownTimeout ?? 10_000,
        )
        timer.unref()
      }),
      // Open sockets would keep the server from closing: each gets 1001 and its teardown.
      hub.closeAll(),
    ]).then(() => app.shutdown())
    return closing
  }

  for (const signal of options.signals ?? (['SIGINT', 'SIGTERM'] as const)) {
    const handler = () => {
      close().then(
        () => options.exit !== false && process.exit(0),
        (error) => {
          console.error('[brisk] shutdown failed:', error)
          if (options.exit !== false) process.exit(1)
        },
      )
    }
    handlers.set(signal, handler)
    process.once(signal, handler)
  }
  // Announced only once the signals are handled: a SIGTERM sent as soon as the line appears must
  // shut down gracefully, not kill the process by default.
  const info = listeningInfo(address)
  options.onListen?.(info)
  return { ...info, server, close }
}

/**
 * `@hono/node-server`'s listener, with the validator reading headers and body from Node's request
 * directly (`RawRequest`): no web `Headers` object or body stream is built for a route's inputs.
 */
function requestListener(app: BriskApp) {
  return getRequestListener(
    (request, env) => {
      // This server is HTTP/1 (`createServer` from node:http): the bindings are `HttpBindings`.
      const bindings = env as HttpBindings & { [RAW_REQUEST]?: IncomingRawRequest }
      bindings[RAW_REQUEST] = new IncomingRawRequest(bindings.incoming)
      return app.fetch(request, bindings)
    },
    { errorHandler: requestErrorResponse },
  )
}

function listen(server: Server, port: number, hostname: string): Promise<AddressInfo> {
  return new Promise<AddressInfo>((resolve, reject) => {
    server.once('error', reject)
    server.listen(port, hostname, () => {
      server.off('error', reject)
      resolve(server.address() as AddressInfo) // a TCP server's address
    })
  })
}

function listeningInfo(address: AddressInfo): ListeningInfo {
  const host = address.family === 'IPv6' ? `[${address.address}]` : address.address
  return { port: address.port, hostname: address.address, url: `http://${host}:${address.port}` }
}

/**
 * The Node adapter: serves a Brisk app with `@hono/node-server`, runs its startup before listening,
 * and on SIGTERM/SIGINT stops accepting, lets in-flight requests finish, runs shutdown, then exits.
 */
import type { IncomingMessage, Server, ServerResponse } from 'node:http'
import { type Http2Bindings, type HttpBindings, serve as serveWithNode } from '@hono/node-server'
import type { BriskApp } from './create-app.ts'
import { BODY_SOURCE } from './internal/body-source.ts'

export interface NodeServeOptions {
  readonly port?: number
  readonly hostname?: string
  /** Signals that stop the server gracefully (default SIGINT and SIGTERM); `[]` to handle them yourself. */
  readonly signals?: readonly NodeJS.Signals[]
  /** Exit the process after a signal-triggered shutdown (default true). */
  readonly exit?: boolean
  /** How long in-flight requests (and open streams) may take once closing starts (default 10 s). */
  readonly shutdownTimeout?: number
  /** Called once listening, with the bound port. */
  readonly onListen?: (info: { port: number; hostname: string }) => void
}

export interface NodeServer {
  readonly server: Server
  /** Stops accepting, waits for in-flight requests, then runs the app's shutdown. */
  close(): Promise<void>
}

/**
 * Starts the app, then serves it on Node. A listen error (e.g. the port is taken) rejects, after
 * shutting the app down again.
 *
 * @example
 * import { serve } from '@brisk/router/node'
 * await serve(app, { port: 8000, onListen: ({ port }) => console.log(`http://localhost:${port}`) })
 */
export async function serve(app: BriskApp, options: NodeServeOptions = {}): Promise<NodeServer> {
  await app.startup()
  let server: Server
  try {
    server = await listen(app, options)
  } catch (error) {
    await app.shutdown()
    throw error
  }

  // Keep-alive connections would keep serving (and keep close() waiting) after closing starts:
  // answer in-flight and new requests with `connection: close`, and drop connections as they idle.
  const active = new Set<ServerResponse>()
  let closingStarted = false
  server.on('request', (_request: IncomingMessage, response: ServerResponse) => {
    active.add(response)
    if (closingStarted && !response.headersSent) response.setHeader('connection', 'close')
    response.once('close', () => {
      active.delete(response)
      if (closingStarted) server.closeIdleConnections()
    })
  })

  const handlers = new Map<NodeJS.Signals, () => void>()
  let closing: Promise<void> | undefined
  const close = () => {
    closing ??= new Promise<void>((resolve, reject) => {
      closingStarted = true
      for (const [signal, handler] of handlers) process.off(signal, handler)
      server.close((error) => (error ? reject(error) : resolve()))
      for (const response of active) {
        if (!response.headersSent) response.setHeader('connection', 'close')
      }
      server.closeIdleConnections()
      const timer = setTimeout(
        () => server.closeAllConnections(),
        options.shutdownTimeout ?? 10_000,
      )
      timer.unref()
    }).then(() => app.shutdown())
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
  return { server, close }
}

function listen(app: BriskApp, options: NodeServeOptions): Promise<Server> {
  return new Promise<Server>((resolve, reject) => {
    // The request stream goes to the validator as the body source: reading it directly skips
    // building a web Request body over the socket (a large share of a JSON route's time on Node).
    const fetch = (request: Request, env: HttpBindings | Http2Bindings) =>
      app.fetch(request, { ...env, [BODY_SOURCE]: env.incoming })
    const server = serveWithNode(
      { fetch, port: options.port ?? 8000, hostname: options.hostname ?? '0.0.0.0' },
      (info) => {
        server.off('error', reject)
        options.onListen?.({ port: info.port, hostname: info.address })
        resolve(server as Server)
      },
    )
    server.once('error', reject)
  })
}

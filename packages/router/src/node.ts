/// <reference types="node" />
/**
 * The Node adapter: serves a Brisk app with `@hono/node-server`, runs its startup before listening,
 * and on SIGTERM/SIGINT stops accepting, lets in-flight requests finish, runs shutdown, then exits.
 */
import { type ServerType, serve as serveWithNode } from '@hono/node-server'
import type { BriskApp } from './create-app.ts'

export interface NodeServeOptions {
  readonly port?: number
  readonly hostname?: string
  /** Signals that stop the server gracefully (default SIGINT and SIGTERM); `[]` to handle them yourself. */
  readonly signals?: readonly NodeJS.Signals[]
  /** Exit the process after a signal-triggered shutdown (default true). */
  readonly exit?: boolean
  /** Called once listening, with the bound port. */
  readonly onListen?: (info: { port: number; hostname: string }) => void
}

export interface NodeServer {
  readonly server: ServerType
  /** Stops accepting, waits for in-flight requests, then runs the app's shutdown. */
  close(): Promise<void>
}

/**
 * Starts the app, then serves it on Node.
 *
 * @example
 * import { serve } from '@brisk/router/node'
 * await serve(app, { port: 8000, onListen: ({ port }) => console.log(`http://localhost:${port}`) })
 */
export async function serve(app: BriskApp, options: NodeServeOptions = {}): Promise<NodeServer> {
  await app.startup()
  const server = await new Promise<ServerType>((resolve) => {
    const started = serveWithNode(
      { fetch: app.fetch, port: options.port ?? 8000, hostname: options.hostname ?? '0.0.0.0' },
      (info) => {
        options.onListen?.({ port: info.port, hostname: info.address })
        resolve(started)
      },
    )
  })
  let closing: Promise<void> | undefined
  const close = () => {
    closing ??= new Promise<void>((resolve, reject) => {
      server.close((error) => (error ? reject(error) : resolve()))
      // Idle keep-alive connections would hold close() open; active ones finish their request.
      if ('closeIdleConnections' in server) server.closeIdleConnections()
    }).then(() => app.shutdown())
    return closing
  }
  for (const signal of options.signals ?? (['SIGINT', 'SIGTERM'] as const)) {
    process.once(signal, () => {
      close().then(
        () => options.exit !== false && process.exit(0),
        (error) => {
          console.error('[brisk] shutdown failed:', error)
          if (options.exit !== false) process.exit(1)
        },
      )
    })
  }
  return { server, close }
}

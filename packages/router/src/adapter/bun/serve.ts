/**
 * The Bun entry: serves a Brisk app with `Bun.serve` — WebSocket routes included — runs its startup
 * before listening, and on SIGTERM/SIGINT closes open sockets (1001), stops, and runs shutdown.
 */
import bunAdapter from 'crossws/adapters/bun'
import { type BriskApp, websocketHub } from '../../create-app.ts'
import { hooksOf } from '../../internal/websocket-hub.ts'
import { isUpgradeRequest } from '../upgrade.ts'

interface BunServer {
  readonly port: number
  readonly hostname: string
  stop(closeActiveConnections?: boolean): Promise<void>
}

declare const Bun: { serve(options: Record<string, unknown>): BunServer }

export interface BunServeOptions {
  readonly port?: number
  /** Default `127.0.0.1`; `0.0.0.0` to listen on every interface. */
  readonly hostname?: string
  /** Signals that stop the server gracefully (default SIGINT and SIGTERM); `[]` to handle them yourself. */
  readonly signals?: readonly NodeJS.Signals[]
  /** Exit the process after a signal-triggered shutdown (default true). */
  readonly exit?: boolean
  readonly onListen?: (info: { port: number; hostname: string }) => void
}

export interface BunBriskServer {
  readonly server: BunServer
  /** Closes open sockets, stops accepting, lets in-flight requests finish, runs the app's shutdown. */
  close(): Promise<void>
}

/**
 * Starts the app, then serves it on Bun.
 *
 * @example
 * import { serve } from '@brisk/router/bun'
 * await serve(app, { port: 8000 })
 */
export async function serve(app: BriskApp, options: BunServeOptions = {}): Promise<BunBriskServer> {
  await app.startup()
  const hub = websocketHub(app)
  const sockets = bunAdapter({ hooks: hooksOf(hub), idleTimeout: hub.limits.idleTimeout })
  const server = Bun.serve({
    port: options.port ?? 8000,
    hostname: options.hostname ?? '127.0.0.1',
    websocket: { ...sockets.websocket, maxPayloadLength: hub.maxPayload },
    fetch: (request: Request, bunServer: never) =>
      isUpgradeRequest(request)
        ? sockets.handleUpgrade(request, bunServer)
        : app.fetch(request, bunServer),
  })
  let closing: Promise<void> | undefined
  const close = () => {
    closing ??= (async () => {
      for (const signal of signals) process.off(signal, onSignal)
      await hub.closeAll()
      await server.stop()
      await app.shutdown()
    })()
    return closing
  }
  const signals = options.signals ?? (['SIGINT', 'SIGTERM'] as const)
  const onSignal = () => {
    close().then(
      () => options.exit !== false && process.exit(0),
      (error) => {
        console.error('[brisk] shutdown failed:', error)
        if (options.exit !== false) process.exit(1)
      },
    )
  }
  for (const signal of signals) process.once(signal, onSignal)
  options.onListen?.({ port: server.port, hostname: server.hostname })
  return { server, close }
}

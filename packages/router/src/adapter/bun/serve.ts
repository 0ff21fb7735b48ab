/**
 * The Bun entry: serves a Brisk app with `Bun.serve` — WebSocket routes included — runs its startup
 * before listening, and on SIGTERM/SIGINT closes open sockets (1001), stops, and runs shutdown.
 */
import bunAdapter from 'crossws/adapters/bun'
import { type BriskApp, websocketHub } from '../../create-app.ts'
import { hooksOf } from '../../internal/websocket-hub.ts'
import { chosenPort } from '../chosen-port.ts'
import { listenFailure } from '../listen-error.ts'
import { isUpgradeRequest } from '../upgrade.ts'

export { ListenError, type ListenErrorCode } from '../listen-error.ts'

interface BunServer {
  readonly port: number
  readonly hostname: string
  stop(closeActiveConnections?: boolean): Promise<void>
}

declare const Bun: { serve(options: Record<string, unknown>): BunServer }

export interface BunServeOptions {
  /** Default: the `PORT` environment variable, else 8000; `0` picks a free port. */
  readonly port?: number
  /** Default `127.0.0.1`; `0.0.0.0` to listen on every interface. */
  readonly hostname?: string
  /** Signals that stop the server gracefully (default SIGINT and SIGTERM); `[]` to handle them yourself. */
  readonly signals?: readonly NodeJS.Signals[]
  /**
   * `serve()` owns the process (default true): it exits after a signal-triggered shutdown (0, or 1
   * when shutdown failed), and a taken port is one line on stderr and exit code 1. `false`: it
   * never exits, and a listen error rejects (a `ListenError` when there is advice to give).
   */
  readonly exit?: boolean
  readonly onListen?: (info: { port: number; hostname: string }) => void
}

export interface BunBriskServer {
  readonly server: BunServer
  /** Closes open sockets, stops accepting, lets in-flight requests finish, runs the app's shutdown. */
  close(): Promise<void>
}

/**
 * Starts the app, then serves it on Bun until SIGTERM/SIGINT, which run the app's shutdown
 * (hooks, then app-scoped teardown) after in-flight requests finish, then exit.
 *
 * @example
 * import { serve } from '@brisk/router/bun'
 * await serve(app, { port: 8000 })
 */
export async function serve(app: BriskApp, options: BunServeOptions = {}): Promise<BunBriskServer> {
  await app.startup()
  const hub = websocketHub(app)
  const sockets = bunAdapter({ hooks: hooksOf(hub), idleTimeout: hub.limits.idleTimeout })
  const { port, portFrom } = chosenPort(options.port, process.env.PORT)
  const hostname = options.hostname ?? '127.0.0.1'
  let server: BunServer
  try {
    server = Bun.serve({
      port,
      hostname,
      websocket: { ...sockets.websocket, maxPayloadLength: hub.maxPayload },
      fetch: (request: Request, bunServer: never) =>
        isUpgradeRequest(request)
          ? sockets.handleUpgrade(request, bunServer)
          : app.fetch(request, bunServer),
    })
  } catch (error) {
    await app.shutdown()
    const exit = options.exit === false ? undefined : (code: number) => process.exit(code)
    throw listenFailure(error, { port, hostname, portFrom }, exit)
  }
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

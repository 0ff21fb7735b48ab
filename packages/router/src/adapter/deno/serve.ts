/**
 * The Deno entry: serves a Brisk app with `Deno.serve` — WebSocket routes included — runs its
 * startup before listening, and on SIGTERM/SIGINT closes open sockets (1001), stops, and runs
 * shutdown.
 */
import type { Hooks, Peer } from 'crossws'
import denoAdapter from 'crossws/adapters/deno'
import { type BriskApp, websocketHub } from '../../create-app.ts'
import { hooksOf } from '../../internal/websocket-hub.ts'
import { chosenPort } from '../chosen-port.ts'
import { listenFailure } from '../listen-error.ts'
import { isUpgradeRequest } from '../upgrade.ts'

export { ListenError, type ListenErrorCode } from '../listen-error.ts'

interface DenoServer {
  shutdown(): Promise<void>
  readonly finished: Promise<void>
}

declare const Deno: {
  serve(
    options: {
      port: number
      hostname: string
      onListen(address: { port: number; hostname: string }): void
    },
    handler: (request: Request, info: never) => Response | Promise<Response>,
  ): DenoServer
  addSignalListener(signal: string, handler: () => void): void
  removeSignalListener(signal: string, handler: () => void): void
  exit(code: number): never
  env: { get(name: string): string | undefined }
  permissions: { querySync(descriptor: { name: 'env'; variable: string }): { state: string } }
}

type CloseDetails = { code?: number; reason?: string }

/**
 * crossws's Deno adapter reports a close without its code and reason: read them from the socket's
 * own close event, which fires right after, and hand those to the hub.
 */
function withCloseCodes(hooks: Partial<Hooks>): Partial<Hooks> {
  const closeEvents = new WeakMap<Peer, Promise<CloseDetails>>()
  return {
    ...hooks,
    open(peer) {
      const socket = peer.websocket as Partial<WebSocket>
      if (socket.addEventListener) {
        const details = new Promise<CloseDetails>((resolve) =>
          socket.addEventListener!('close', (event) =>
            resolve({ code: event.code, reason: event.reason }),
          ),
        )
        closeEvents.set(peer, details)
      }
      return hooks.open?.(peer)
    },
    async close(peer, details) {
      const event = details.code === undefined ? closeEvents.get(peer) : undefined
      return hooks.close?.(peer, event ? await event : details)
    },
  }
}

export interface DenoServeOptions {
  /** Default: the `PORT` environment variable (when env access is allowed), else 8000; `0` picks a free port. */
  readonly port?: number
  /** Default `127.0.0.1`; `0.0.0.0` to listen on every interface. */
  readonly hostname?: string
  /** Signals that stop the server gracefully (default SIGINT and SIGTERM); `[]` to handle them yourself. */
  readonly signals?: readonly ('SIGINT' | 'SIGTERM')[]
  /**
   * `serve()` owns the process (default true): it exits after a signal-triggered shutdown (0, or 1
   * when shutdown failed), and a taken port is one line on stderr and exit code 1. `false`: it
   * never exits, and a listen error rejects (a `ListenError` when there is advice to give).
   */
  readonly exit?: boolean
  readonly onListen?: (info: { port: number; hostname: string }) => void
}

export interface DenoBriskServer {
  readonly server: DenoServer
  /** Closes open sockets, stops accepting, lets in-flight requests finish, runs the app's shutdown. */
  close(): Promise<void>
}

/**
 * Starts the app, then serves it on Deno until SIGTERM/SIGINT, which run the app's shutdown
 * (hooks, then app-scoped teardown) after in-flight requests finish, then exit.
 *
 * @example
 * import { serve } from '@brisk/router/deno'
 * await serve(app, { port: 8000 })
 */
export async function serve(
  app: BriskApp,
  options: DenoServeOptions = {},
): Promise<DenoBriskServer> {
  await app.startup()
  const hub = websocketHub(app)
  const sockets = denoAdapter({
    hooks: withCloseCodes(hooksOf(hub)),
    idleTimeout: hub.limits.idleTimeout,
  })
  let announce!: (info: { port: number; hostname: string }) => void
  const listening = new Promise<{ port: number; hostname: string }>((resolve) => {
    announce = resolve
  })
  const { port, portFrom } = chosenPort(options.port, environmentPort())
  const hostname = options.hostname ?? '127.0.0.1'
  let server: DenoServer
  try {
    server = Deno.serve({ port, hostname, onListen: announce }, (request, info) =>
      isUpgradeRequest(request) ? sockets.handleUpgrade(request, info) : app.fetch(request, info),
    )
  } catch (error) {
    await app.shutdown()
    const exit = options.exit === false ? undefined : (code: number) => Deno.exit(code)
    throw listenFailure(error, { port, hostname, portFrom }, exit)
  }
  const signals = options.signals ?? (['SIGINT', 'SIGTERM'] as const)
  let closing: Promise<void> | undefined
  const close = () => {
    closing ??= (async () => {
      for (const signal of signals) Deno.removeSignalListener(signal, onSignal)
      await hub.closeAll()
      await server.shutdown()
      await app.shutdown()
    })()
    return closing
  }
  const onSignal = () => {
    close().then(
      () => options.exit !== false && Deno.exit(0),
      (error) => {
        console.error('[brisk] shutdown failed:', error)
        if (options.exit !== false) Deno.exit(1)
      },
    )
  }
  for (const signal of signals) Deno.addSignalListener(signal, onSignal)
  options.onListen?.(await listening)
  return { server, close }
}

/** `PORT` when the process may read it; never a permission prompt for it. */
function environmentPort(): string | undefined {
  if (Deno.permissions.querySync({ name: 'env', variable: 'PORT' }).state !== 'granted') return
  return Deno.env.get('PORT')
}

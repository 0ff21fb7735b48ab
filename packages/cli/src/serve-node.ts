/**
 * `serveNode`: the server process behind `brisk dev` and each `brisk run` worker — loads the app,
 * serves it with `@brisk/router/node` (startup before listening, SIGTERM drains), logs requests.
 */
import type { BriskApp } from '@brisk/router'
import { logRequests } from '@brisk/router'
import { type NodeServer, serve } from '@brisk/router/node'
import { banner } from './banner.ts'
import { CliError } from './cli-error.ts'
import { loadApp } from './load-app.ts'
import { type ServeOptions, STOP_MESSAGE } from './serve-options.ts'

/** What a server process tells its parent over IPC once it listens. */
export interface ListeningMessage {
  readonly type: 'brisk:listening'
  readonly host: string
  readonly port: number
}

/**
 * Loads and serves the app until SIGTERM, SIGINT or a `STOP_MESSAGE` stops it: in-flight requests
 * finish, the app shuts down, and the process exits 0 (1 when shutdown fails). A taken port or an unloadable entry rejects with a `CliError`.
 *
 * @example
 * await serveNode({ entry, entryLabel: 'src/app.ts', host: '127.0.0.1', port: 8000, mode: 'dev',
 *   log: 'plain', banner: true, shutdownTimeout: 10_000 })
 */
export async function serveNode(options: ServeOptions): Promise<void> {
  // Listen for a stop from the start: one asked for while the app loads is honoured once it listens.
  let server: NodeServer | undefined
  let stopping = false
  const stop = () => {
    if (stopping || !server) {
      stopping = true
      return
    }
    stopping = true
    server.close().then(
      () => process.exit(0),
      (error: unknown) => {
        console.error('brisk: shutdown failed:', error)
        process.exit(1)
      },
    )
  }
  process.on('SIGTERM', stop)
  process.on('SIGINT', stop)
  process.on('message', (message) => {
    if (message === STOP_MESSAGE) stop()
  })

  const app = await loadApp(options.entry)
  const served =
    options.log === 'off' ? app : withFetch(app, logRequests(app.fetch, { format: options.log }))
  try {
    server = await serve(served, {
      port: options.port,
      hostname: options.host,
      shutdownTimeout: options.shutdownTimeout,
      // Stopping is handled below, once for any number of signals: Ctrl-C reaches every process
      // of the group and a cluster's primary forwards it too, and a second signal must not kill a
      // worker that is still draining.
      signals: [],
      exit: false,
      onListen: ({ port, hostname }) => {
        if (options.banner) {
          const title = options.mode === 'dev' ? 'brisk dev' : 'brisk run'
          console.log(banner({ title, entry: options.entryLabel, host: hostname, port, app }))
        }
        const message: ListeningMessage = { type: 'brisk:listening', host: hostname, port }
        process.send?.(message)
      },
    })
  } catch (error) {
    throw listenError(error, options)
  }
  if (stopping) {
    stopping = false
    stop()
  }
}

/** The app with another `fetch`; everything else (startup, shutdown, routes) is the app's own. */
function withFetch(app: BriskApp, fetch: BriskApp['fetch']): BriskApp {
  return Object.assign(Object.create(app) as BriskApp, { fetch })
}

function listenError(error: unknown, options: ServeOptions): unknown {
  const code = (error as NodeJS.ErrnoException | undefined)?.code
  if (code === 'EADDRINUSE')
    return new CliError(
      'PORT_IN_USE',
      `Port ${options.port} is already in use on ${options.host}: stop the other server or pick another with --port.`,
    )
  if (code === 'EACCES')
    return new CliError(
      'LISTEN_FAILED',
      `Not allowed to listen on port ${options.port}: ports below 1024 need privileges; pick another with --port.`,
    )
  if (code === 'EADDRNOTAVAIL' || code === 'ENOTFOUND')
    return new CliError(
      'LISTEN_FAILED',
      `Cannot listen on host ${options.host}: it is not an address of this machine (try --host 127.0.0.1 or 0.0.0.0).`,
    )
  return error
}

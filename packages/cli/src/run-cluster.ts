/**
 * `runCluster`: `brisk run` on Node — N workers under `node:cluster` sharing one port; a worker
 * that dies is replaced, SIGTERM/SIGINT drains every worker, and the exit code says how it ended.
 */
import cluster, { type Worker } from 'node:cluster'
import { encodeServeOptions, type ServeOptions, STOP_MESSAGE } from './serve-options.ts'
import { serverScript } from './server-script.ts'

export interface RunClusterOptions extends Omit<ServeOptions, 'mode' | 'banner'> {
  readonly workers: number
  /** Where status lines go (default stderr). */
  readonly status?: (line: string) => void
}

/**
 * Starts the workers and resolves with the exit code once they have all stopped: 0 after a
 * signal when every worker drained cleanly; 1 when a worker could not start (a bad entry, the
 * port taken: replacing it would only fail again) or failed to shut down.
 *
 * @example
 * process.exitCode = await runCluster({ entry, entryLabel: 'src/app.ts', host: '0.0.0.0',
 *   port: 8000, log: 'json', shutdownTimeout: 10_000, workers: 4 })
 */
export function runCluster(options: RunClusterOptions): Promise<number> {
  const status = options.status ?? ((line: string) => process.stderr.write(`${line}\n`))
  cluster.setupPrimary({ exec: serverScript(), silent: false })
  // Our own books: cluster.workers may still list a worker in its 'exit' event.
  const alive = new Set<Worker>()
  const listening = new Set<Worker>()
  let stopping = false
  let failed = false
  let announced = false

  const fork = (banner: boolean) => {
    const worker = cluster.fork(encodeServeOptions({ ...options, mode: 'run', banner }))
    alive.add(worker)
    worker.on('message', (message: { type?: string }) => {
      if (message?.type !== 'brisk:listening') return
      listening.add(worker)
      if (announced) status(`[brisk] worker ${worker.process.pid} ready`)
      else if (listening.size === options.workers) {
        announced = true
        const pids = [...listening].map((each) => each.process.pid).join(', ')
        status(
          `[brisk] ${options.workers} worker(s) ready (pids ${pids}), primary pid ${process.pid}`,
        )
      }
    })
    return worker
  }

  return new Promise((resolve) => {
    const stop = () => {
      if (stopping) return
      stopping = true
      status(`[brisk] stopping ${alive.size} worker(s): draining requests`)
      for (const worker of alive) if (worker.isConnected()) worker.send(STOP_MESSAGE)
      if (alive.size === 0) finish()
    }
    process.on('SIGINT', stop)
    process.on('SIGTERM', stop)

    const finish = () => {
      process.off('SIGINT', stop)
      process.off('SIGTERM', stop)
      resolve(failed ? 1 : 0)
    }

    cluster.on('exit', (worker, code, signal) => {
      alive.delete(worker)
      const wasListening = listening.delete(worker)
      const how = signal ? `signal ${signal}` : `exit code ${code}`
      if (stopping) {
        if (code !== 0) {
          failed = true
          status(`[brisk] worker ${worker.process.pid} did not stop cleanly (${how})`)
        }
      } else if (!wasListening) {
        // It never served: the next one would fail the same way.
        failed = true
        status(`[brisk] worker ${worker.process.pid} could not start (${how}); stopping`)
        stop()
      } else {
        status(`[brisk] worker ${worker.process.pid} died (${how}); starting a new one`)
        fork(false)
      }
      if (stopping && alive.size === 0) finish()
    })

    for (let index = 0; index < options.workers; index++) fork(index === 0)
  })
}

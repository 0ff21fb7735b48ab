/**
 * `dev`: runs the app in a child process and restarts only that child when a watched file
 * changes; a child that fails (a syntax error) is reported, and the next change tries again.
 */
import { type ChildProcess, fork } from 'node:child_process'
import { relative, sep } from 'node:path'
import { watch } from 'chokidar'
import { encodeServeOptions, type ServeOptions } from './serve-options.ts'
import { serverScript } from './server-script.ts'

export interface DevOptions extends Omit<ServeOptions, 'mode' | 'banner'> {
  /** The project folder: watched, and what printed paths are relative to. */
  readonly cwd: string
  /** More files or folders to watch. */
  readonly watch?: readonly string[]
  /** Where status lines go (default stderr, so stdout stays the app's). */
  readonly status?: (line: string) => void
}

// Never worth a restart: dependencies, build output, VCS and tool caches.
const IGNORED = new Set([
  'node_modules',
  '.git',
  'dist',
  '.turbo',
  'coverage',
  '.wrangler',
  'reports',
])

/**
 * Serves the app with reload until SIGINT/SIGTERM; resolves with the exit code (0).
 *
 * @example
 * process.exitCode = await dev({ cwd, entry, entryLabel: 'src/app.ts', host: '127.0.0.1',
 *   port: 8000, log: 'plain', shutdownTimeout: 2_000 })
 */
export function dev(options: DevOptions): Promise<number> {
  const status = options.status ?? ((line: string) => process.stderr.write(`${line}\n`))
  const serve: ServeOptions = { ...options, mode: 'dev', banner: true }
  let child: ChildProcess | undefined
  let exited: Promise<void> = Promise.resolve()
  let restarting: Promise<void> | undefined
  let pending: string | undefined

  const start = () => {
    const started = fork(serverScript(), [], {
      cwd: options.cwd,
      env: { ...process.env, ...encodeServeOptions(serve) },
      stdio: 'inherit',
    })
    child = started
    exited = new Promise((resolve) => {
      started.once('exit', (code, signal) => {
        if (child === started) {
          child = undefined
          if (code !== 0)
            status(
              `[brisk] the app stopped (${signal ?? `exit code ${code}`}); waiting for a file change to restart`,
            )
        }
        resolve()
      })
    })
  }

  const stopChild = async () => {
    const running = child
    if (!running) return exited
    child = undefined
    running.kill('SIGTERM')
    // A child stuck in a handler or a teardown must not block the reload forever.
    const timer = setTimeout(() => running.kill('SIGKILL'), options.shutdownTimeout + 1_000)
    await exited
    clearTimeout(timer)
  }

  const restart = async () => {
    while (pending !== undefined) {
      const changed = pending
      pending = undefined
      status(`[brisk] ${changed} changed; restarting`)
      await stopChild()
      start()
    }
    restarting = undefined
  }

  const watcher = watch([options.cwd, ...(options.watch ?? [])], {
    ignoreInitial: true,
    ignored: (path) => path.split(sep).some((part) => IGNORED.has(part)),
  })
  // An editor's save is often several events (truncate, write, rename): one restart for them all.
  let debounce: NodeJS.Timeout | undefined
  watcher.on('all', (event, path) => {
    if (event !== 'add' && event !== 'change' && event !== 'unlink') return
    pending = relative(options.cwd, path) || path
    clearTimeout(debounce)
    debounce = setTimeout(() => {
      restarting ??= restart()
    }, 50)
  })

  return new Promise((resolve) => {
    const stop = async () => {
      process.off('SIGINT', stop)
      process.off('SIGTERM', stop)
      clearTimeout(debounce)
      await watcher.close()
      await (restarting ?? Promise.resolve())
      await stopChild()
      resolve(0)
    }
    process.on('SIGINT', stop)
    process.on('SIGTERM', stop)
    watcher.once('ready', start)
  })
}

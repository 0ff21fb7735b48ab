/**
 * Starts a shop server process, waits for the line that says it listens (no sleeps), and stops it
 * with SIGTERM, reporting how it exited.
 */
import { type ChildProcess, spawn } from 'node:child_process'
import { createInterface } from 'node:readline'

/** How the process ended: its exit code, or the signal that killed it. */
export interface ExitStatus {
  readonly code: number | null
  readonly signal: NodeJS.Signals | null
}

export interface SpawnedServer {
  /** `http://host:port`, no trailing slash. */
  readonly baseUrl: string
  /** Sends SIGTERM (if still running) and resolves once the process has exited. */
  stop(): Promise<ExitStatus>
  /** The last few KB of its stdout and stderr, for failure messages. */
  output(): string
}

export interface SpawnOptions {
  readonly cwd: string
  readonly env?: Readonly<Record<string, string>>
  /** Matches the line announcing the server, with its URL as the first group. */
  readonly listening: RegExp
  readonly timeoutMs?: number
}

/** Spawns `command args`; resolves once a stdout or stderr line matches `listening`. */
export function spawnServer(
  command: string,
  args: readonly string[],
  options: SpawnOptions,
): Promise<SpawnedServer> {
  const child = spawn(command, args, {
    cwd: options.cwd,
    env: { ...process.env, ...options.env },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  const exited = new Promise<ExitStatus>((resolve) =>
    child.once('exit', (code, signal) => resolve({ code, signal })),
  )
  let output = ''
  const stop = async () => {
    if (isRunning(child)) child.kill('SIGTERM')
    return exited
  }
  const describe = () => `${command} ${args.join(' ')}`

  return new Promise((resolve, reject) => {
    const fail = (reason: string) => {
      clearTimeout(timer)
      void stop()
      reject(new Error(`${describe()}: ${reason}\n${output}`))
    }
    const timer = setTimeout(
      () => fail(`no line matching ${options.listening} in time`),
      options.timeoutMs ?? 30_000,
    )
    const onEarlyExit = (code: number | null, signal: string | null) =>
      fail(`exited before listening (${code ?? signal})`)
    child.once('exit', onEarlyExit)
    const onLine = (line: string) => {
      output = `${output}${line}\n`.slice(-4000)
      const url = options.listening.exec(line)?.[1]
      if (!url) return
      clearTimeout(timer)
      child.off('exit', onEarlyExit)
      resolve({ baseUrl: url.replace(/\/$/, ''), stop, output: () => output })
    }
    for (const stream of [child.stdout, child.stderr]) {
      if (stream) createInterface({ input: stream }).on('line', onLine)
    }
  })
}

function isRunning(child: ChildProcess): boolean {
  return child.exitCode === null && child.signalCode === null
}

/**
 * Child processes of the HTTP bench: pinned to a CPU with `taskset` when present, started with a
 * deadline, stopped by PID (SIGTERM, then SIGKILL after a timeout), and killed if the bench exits.
 */
import { type ChildProcess, spawn, spawnSync } from 'node:child_process'
import { readdirSync, readFileSync } from 'node:fs'
import { createServer } from 'node:net'
import { createInterface } from 'node:readline'

const hasTaskset = spawnSync('taskset', ['-c', '0', 'true']).status === 0
const live = new Set<ChildProcess>()
process.once('exit', () => {
  for (const child of live) if (child.pid) process.kill(child.pid, 'SIGKILL')
})

/** Whether processes are pinned (`taskset` works here). */
export const pinning = hasTaskset

/** Spawns `node <args>` on one CPU (when `taskset` is available), `env` added to this one's. */
export function spawnNode(
  cpu: number,
  args: string[],
  stdin: 'pipe' | 'ignore',
  env?: Readonly<Record<string, string>>,
): ChildProcess {
  return spawnPinned(
    cpu,
    process.execPath,
    args,
    stdin,
    env ? { env: { ...process.env, ...env } } : {},
  )
}

/**
 * Spawns `file <args>` (Node, Bun, Deno) on one CPU (when `taskset` is available; `taskset` execs,
 * so the PID is the program's own).
 */
export function spawnPinned(
  cpu: number,
  file: string,
  args: string[],
  stdin: 'pipe' | 'ignore',
  options: { cwd?: string; env?: NodeJS.ProcessEnv } = {},
): ChildProcess {
  const line = [file, ...args]
  const [command, ...rest] = hasTaskset ? ['taskset', '-c', String(cpu), ...line] : line
  const child = spawn(command!, rest, { ...options, stdio: [stdin, 'pipe', 'inherit'] })
  live.add(child)
  child.once('exit', () => live.delete(child))
  return child
}

/** Sends SIGTERM to the child's PID, then SIGKILL if it has not exited after `graceMs`. */
export function stopProcess(child: ChildProcess, graceMs = 3000): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null || !child.pid) return Promise.resolve()
  const pid = child.pid
  return new Promise((resolve) => {
    const timer = setTimeout(() => process.kill(pid, 'SIGKILL'), graceMs)
    child.once('exit', () => {
      clearTimeout(timer)
      resolve()
    })
    process.kill(pid, 'SIGTERM')
  })
}

/** Resolves with the first stdout line matching `pattern`; rejects on exit or after `timeoutMs`. */
export function waitForLine(
  child: ChildProcess,
  pattern: RegExp,
  timeoutMs: number,
): Promise<string> {
  return new Promise((resolve, reject) => {
    const lines = createInterface({ input: child.stdout! })
    const done = (error?: Error, line?: string) => {
      clearTimeout(timer)
      child.off('exit', onExit)
      lines.off('line', onLine)
      error ? reject(error) : resolve(line!)
    }
    const onLine = (line: string) => pattern.test(line) && done(undefined, line)
    const onExit = (code: number | null) =>
      done(new Error(`exited (${code}) before '${pattern.source}'`))
    const timer = setTimeout(
      () => done(new Error(`no '${pattern.source}' in ${timeoutMs} ms`)),
      timeoutMs,
    )
    lines.on('line', onLine)
    child.once('exit', onExit)
  })
}

/** A free TCP port on 127.0.0.1. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer()
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => {
      const address = server.address()
      server.close(() =>
        typeof address === 'object' && address ? resolve(address.port) : reject(),
      )
    })
  })
}

const clockTicks = Number(spawnSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).stdout) || 100

/**
 * CPU seconds (user + system, every thread) a process has used so far, from `/proc/<pid>/stat`;
 * `undefined` where there is no `/proc` (the resolution is one clock tick, 10 ms here).
 */
export function cpuSeconds(pid: number): number | undefined {
  let stat: string
  try {
    stat = readFileSync(`/proc/${pid}/stat`, 'utf8')
  } catch {
    return undefined
  }
  // Fields after the command name (which may hold spaces): state is 3rd, utime 14th, stime 15th.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
  return (Number(fields[11]) + Number(fields[12])) / clockTicks
}

/**
 * CPU seconds (every thread) a process has used so far, in nanoseconds' resolution: the sum of
 * each thread's time on a CPU from `/proc/<pid>/task/<tid>/schedstat` — what `utime + stime`
 * count in 10 ms ticks, which over a 1.5 s window at a few thousand requests/s is too coarse
 * (a server busy 5 % of it is 7 ticks). Threads that exited are missing from the sum (none of the
 * servers' threads exit during a run). Falls back to `cpuSeconds` where there is no schedstat.
 */
export function cpuSecondsPrecise(pid: number): number | undefined {
  let threads: string[]
  try {
    threads = readdirSync(`/proc/${pid}/task`)
  } catch {
    return undefined
  }
  let total = 0
  for (const tid of threads) {
    try {
      const line = readFileSync(`/proc/${pid}/task/${tid}/schedstat`, 'utf8')
      total += Number(line.slice(0, line.indexOf(' ')))
    } catch {
      // The thread exited since the directory was read, or there is no schedstat.
    }
  }
  return Number.isFinite(total) && total > 0 ? total / 1e9 : cpuSeconds(pid)
}

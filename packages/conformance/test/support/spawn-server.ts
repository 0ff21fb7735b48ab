/** Starts a server process, waits for its "listening on <url>" line, and stops it by PID. */
import { spawn } from 'node:child_process'
import { createInterface } from 'node:readline'

export interface SpawnedServer {
  baseUrl: string
  stop(): Promise<void>
}

const listeningLine = /listening on (http:\/\/\S+)/

/** Spawns `command args` and resolves once it prints its URL, or rejects after `timeoutMs`. */
export function spawnServer(
  command: string,
  args: readonly string[],
  options: { cwd: string; env?: Record<string, string>; timeoutMs?: number },
): Promise<SpawnedServer> {
  const child = spawn(command, args, {
    cwd: options.cwd,
    env: { ...process.env, ...options.env },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()))
  let stderr = ''
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
    stderr = (stderr + chunk).slice(-4000)
  })

  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null && child.pid) {
      process.kill(child.pid, 'SIGTERM')
    }
    await exited
  }

  return new Promise((resolve, reject) => {
    const fail = (reason: string) => {
      clearTimeout(timer)
      void stop()
      reject(new Error(`${command} ${args.join(' ')}: ${reason}\n${stderr}`))
    }
    const timer = setTimeout(
      () => fail('no "listening on" line in time'),
      options.timeoutMs ?? 30_000,
    )
    const onEarlyExit = (code: number | null, signal: string | null) =>
      fail(`exited early (${code ?? signal})`)
    child.once('exit', onEarlyExit)
    createInterface({ input: child.stdout }).on('line', (line) => {
      const match = listeningLine.exec(line)
      if (!match?.[1]) return
      clearTimeout(timer)
      child.off('exit', onEarlyExit)
      resolve({ baseUrl: match[1], stop })
    })
  })
}

/**
 * Starts a server process for the fuzzer, waits for its "listening on <url>" line and stops it by
 * PID; unlike the conformance runners' helper it hands back the PID, so memory can be read.
 */
import { spawn } from 'node:child_process'
import { createInterface } from 'node:readline'

export interface FuzzServer {
  readonly baseUrl: string
  readonly pid: number
  stop(): Promise<void>
}

const listeningLine = /listening on (http:\/\/\S+)/

/** Spawns `command args` and resolves once it prints its URL; rejects if it exits first. */
export function spawnServer(
  command: string,
  args: readonly string[],
  options: { readonly cwd: string; readonly env?: Record<string, string> },
): Promise<FuzzServer> {
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
    child.once('exit', (code, signal) => {
      reject(new Error(`${command} ${args.join(' ')} exited early (${code ?? signal})\n${stderr}`))
    })
    createInterface({ input: child.stdout }).on('line', (line) => {
      const match = listeningLine.exec(line)
      if (match?.[1] && child.pid) resolve({ baseUrl: match[1], pid: child.pid, stop })
    })
  })
}

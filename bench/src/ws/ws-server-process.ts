/**
 * Starts one WebSocket bench server (Brisk or the peer, on Node or Bun) in a fresh process pinned to
 * CPU 0, reads its `ready <port>` line, and asks it for its memory over stdin (after a GC).
 */
import type { ChildProcess } from 'node:child_process'
import { createInterface } from 'node:readline'
import { fileURLToPath } from 'node:url'
import { spawnPinned, stopProcess } from '../http/processes.ts'
import { runtimeBinary } from '../http/server-process.ts'
import type { WsRuntime, WsServerId } from './echo-contract.ts'

export interface WsServerProcess {
  readonly port: number
  readonly pid: number
  /** The server's RSS in bytes after a full GC, and whether the runtime could collect. */
  memory(): Promise<{ rss: number; gc: boolean }>
  stop(): Promise<void>
}

const nodeEntry = fileURLToPath(new URL('./serve-ws.js', import.meta.url))
const benchDir = fileURLToPath(new URL('../../', import.meta.url))

/** Node runs the build (`--expose-gc` for the memory step); Bun the TypeScript sources. */
function command(runtime: WsRuntime, server: WsServerId) {
  if (runtime === 'bun') {
    return { args: ['--conditions=source', 'src/ws/serve-ws.ts', server], cwd: benchDir }
  }
  return { args: ['--expose-gc', nodeEntry, server] }
}

export async function startWsServer(
  runtime: WsRuntime,
  server: WsServerId,
  timeoutMs = 15_000,
): Promise<WsServerProcess> {
  const { args, cwd } = command(runtime, server)
  const child: ChildProcess = spawnPinned(0, runtimeBinary(runtime), args, 'pipe', {
    ...(cwd ? { cwd } : {}),
    env: { ...process.env, NODE_ENV: 'production' },
  })
  const next = lineReader(child)
  try {
    const ready = await next(timeoutMs)
    const match = /^ready (\d+)$/.exec(ready)
    if (!match) throw new Error(`${runtime} ${server}: expected 'ready <port>', got '${ready}'`)
    return {
      port: Number(match[1]),
      pid: child.pid!,
      async memory() {
        child.stdin!.write('memory\n')
        return JSON.parse(await next(timeoutMs)) as { rss: number; gc: boolean }
      },
      stop: () => stopProcess(child),
    }
  } catch (error) {
    await stopProcess(child, 1000)
    throw error
  }
}

/** One reader of the child's stdout lines, in order; each call waits for the next line. */
function lineReader(child: ChildProcess) {
  const lines: string[] = []
  const waiting: ((line: string) => void)[] = []
  createInterface({ input: child.stdout! }).on('line', (line) => {
    const waiter = waiting.shift()
    if (waiter) waiter(line)
    else lines.push(line)
  })
  return (timeoutMs: number) =>
    new Promise<string>((resolve, reject) => {
      const line = lines.shift()
      if (line !== undefined) return resolve(line)
      const timer = setTimeout(() => reject(new Error(`no line in ${timeoutMs} ms`)), timeoutMs)
      const onExit = (code: number | null) => reject(new Error(`server exited (${code})`))
      child.once('exit', onExit)
      waiting.push((text) => {
        clearTimeout(timer)
        child.off('exit', onExit)
        resolve(text)
      })
    })
}

/**
 * Starts one peer's server process on CPU 0 and waits for its ready line: on Node
 * `dist/http/serve.js`, on Bun and Deno `src/http/serve-web.ts` from the TypeScript sources (as the
 * in-process layer runs them: `--conditions=source`).
 */
import type { ChildProcess } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import { freePort, spawnPinned, stopProcess, waitForLine } from './processes.ts'
import type { HttpRuntime } from './web-peers.ts'

export interface ServerProcess {
  origin: string
  pid: number
  stop(): Promise<void>
}

const serveScript = fileURLToPath(new URL('./serve.js', import.meta.url))
const benchDir = fileURLToPath(new URL('../../', import.meta.url))
const bin = (name: string) =>
  fileURLToPath(new URL(`../../../node_modules/.bin/${name}`, import.meta.url))

/** The binary of `runtime`: this Node, or the workspace's `bun` / `deno`. */
export const runtimeBinary = (runtime: HttpRuntime) =>
  runtime === 'node' ? process.execPath : bin(runtime)
const webEntry = 'src/http/serve-web.ts'

/** The command line serving `peerId` on `port` in `runtime`. */
function serverCommand(runtime: HttpRuntime, peerId: string, port: number, nodeArgs: string[]) {
  const tail = [peerId, String(port)]
  if (runtime === 'bun')
    return { file: bin('bun'), args: ['--conditions=source', webEntry, ...tail] }
  if (runtime === 'deno') {
    return { file: bin('deno'), args: ['run', '-A', '--conditions=source', webEntry, ...tail] }
  }
  return { file: process.execPath, args: [...nodeArgs, serveScript, ...tail] }
}

/** Starts `peerId` on a free loopback port; extra Node flags (e.g. `--cpu-prof`) go first. */
export async function startServer(
  peerId: string,
  options: {
    cpu?: number
    nodeArgs?: string[]
    timeoutMs?: number
    runtime?: HttpRuntime
    /** Added to the server's environment. */
    env?: Readonly<Record<string, string>>
  } = {},
): Promise<ServerProcess> {
  const port = await freePort()
  const runtime = options.runtime ?? 'node'
  const { file, args } = serverCommand(runtime, peerId, port, options.nodeArgs ?? [])
  // Bun and Deno run from the bench package, where `src/` is; Node keeps the caller's directory.
  const child: ChildProcess = spawnPinned(
    options.cpu ?? 0,
    file,
    args,
    'ignore',
    runtime === 'node'
      ? { env: { ...process.env, ...options.env } }
      : {
          cwd: benchDir,
          env: { ...process.env, ...options.env, DENO_NO_UPDATE_CHECK: '1', DENO_NO_PROMPT: '1' },
        },
  )
  try {
    await waitForLine(child, /^ready \d+$/, options.timeoutMs ?? 15_000)
  } catch (error) {
    await stopProcess(child, 1000)
    throw error
  }
  // Anything else the server prints is not ours to parse; keep the pipe drained.
  child.stdout!.resume()
  return { origin: `http://127.0.0.1:${port}`, pid: child.pid!, stop: () => stopProcess(child) }
}

/** Starts one peer's server process (`serve.ts`) on CPU 0 and waits for its ready line. */
import type { ChildProcess } from 'node:child_process'
import { freePort, spawnNode, stopProcess, waitForLine } from './processes.ts'

export interface ServerProcess {
  origin: string
  pid: number
  stop(): Promise<void>
}

const serveScript = new URL('./serve.js', import.meta.url).pathname

/** Starts `peerId` on a free loopback port; extra Node flags (e.g. `--cpu-prof`) go first. */
export async function startServer(
  peerId: string,
  options: { cpu?: number; nodeArgs?: string[]; timeoutMs?: number } = {},
): Promise<ServerProcess> {
  const port = await freePort()
  const args = [...(options.nodeArgs ?? []), serveScript, peerId, String(port)]
  const child: ChildProcess = spawnNode(options.cpu ?? 0, args, 'ignore')
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

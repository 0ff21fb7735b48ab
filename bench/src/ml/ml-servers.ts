/**
 * The servers the ML bench compares, each in its own process pinned to CPU 0: ml-serve (its
 * `npm start` build) with batching on or off, and the plain Hono peer. Each is measured only once
 * its model is loaded and warmed up.
 */
import { fileURLToPath } from 'node:url'
import { freePort, spawnPinned, stopProcess, waitForLine } from '../http/processes.ts'

export interface MlServer {
  readonly origin: string
  readonly pid: number
  stop(): Promise<void>
}

export const API_KEY = 'ml-bench-key-not-a-secret'

/** What is compared: a label and how it is started. */
export interface MlPeer {
  readonly id: 'batched' | 'unbatched' | 'hono'
  readonly label: string
  /** Settings of ml-serve (none for the Hono peer). */
  readonly env?: Readonly<Record<string, string>>
}

export const ML_PEERS: readonly MlPeer[] = [
  {
    id: 'batched',
    label: 'ml-serve, batching on (≤ 32 texts, ≤ 2 ms)',
    env: { BATCH_MAX_SIZE: '32', BATCH_MAX_WAIT_MS: '2' },
  },
  {
    id: 'unbatched',
    label: 'ml-serve, batching off (1 text per call)',
    env: { BATCH_MAX_SIZE: '1', BATCH_MAX_WAIT_MS: '0' },
  },
  { id: 'hono', label: 'plain Hono route, model called inline' },
]

const mlServeEntry = fileURLToPath(new URL('../../../apps/ml-serve/dist/node.js', import.meta.url))
const honoEntry = fileURLToPath(new URL('./plain-hono-server.js', import.meta.url))

/** Starts `peer` (with `env` added) on a free port; resolves once its model is ready. */
export async function startMlServer(
  peer: MlPeer,
  env: Readonly<Record<string, string>> = {},
): Promise<MlServer> {
  const port = await freePort()
  const environment = {
    ...process.env,
    ...peer.env,
    ...env,
    ML_API_KEY: API_KEY,
    PORT: String(port),
    NODE_ENV: 'production',
  }
  const hono = peer.id === 'hono'
  const child = spawnPinned(
    0,
    process.execPath,
    hono ? [honoEntry, String(port)] : [mlServeEntry],
    'ignore',
    {
      env: environment,
    },
  )
  // ml-serve prints a line once the model answered its warm-up; the peer loads before listening.
  await waitForLine(child, hono ? /listening on/ : /^model .* ready on/, 30_000)
  return { origin: `http://127.0.0.1:${port}`, pid: child.pid!, stop: () => stopProcess(child) }
}

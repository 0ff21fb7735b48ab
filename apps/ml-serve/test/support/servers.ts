/**
 * ml-serve served by Node (its build output), Bun and Deno (its TypeScript source), each as a child
 * process on a free loopback port with the test settings; reuses the shop's process helper.
 */
import { fileURLToPath } from 'node:url'
import { fetchOverHttp } from '../../../../packages/conformance/test/support/fetch-over-http.ts'
import { binary } from '../../../../packages/conformance/test/support/paths.ts'
import { spawnServer } from '../../../shop/test/support/spawn-server.ts'
import type { StartedServer } from './describe-contract.ts'
import { TEST_SETTINGS } from './settings.ts'

export type ServedRuntime = 'node' | 'bun' | 'deno'

const appRoot = fileURLToPath(new URL('../../', import.meta.url))
const env = { ...TEST_SETTINGS, HOST: '127.0.0.1', PORT: '0' }
/** The line every entry prints once it listens. */
const LISTENING = /Brisk ml-serve is listening on (http:\/\/\S+)/

const starters: Record<ServedRuntime, () => ReturnType<typeof spawnServer>> = {
  // `npm test` builds before vitest runs; `node dist/node.js` is what `npm start` runs.
  node: () =>
    spawnServer(process.execPath, ['dist/node.js'], {
      cwd: appRoot,
      env,
      listening: LISTENING,
    }),
  bun: () =>
    spawnServer(binary('bun'), ['--conditions=source', 'src/bun.ts'], {
      cwd: appRoot,
      env,
      listening: LISTENING,
    }),
  deno: () =>
    spawnServer(binary('deno'), ['run', '-A', '--conditions=source', 'src/deno.ts'], {
      cwd: appRoot,
      env: { ...env, DENO_NO_UPDATE_CHECK: '1', DENO_NO_PROMPT: '1' },
      listening: LISTENING,
    }),
}

/** Starts ml-serve on `runtime`; reached over real HTTP (and WebSockets). */
export async function startServed(runtime: ServedRuntime): Promise<StartedServer> {
  const server = await starters[runtime]()
  return {
    fetch: fetchOverHttp(server.baseUrl),
    stop: () => server.stop(),
    websocketUrl: server.baseUrl.replace(/^http/, 'ws'),
  }
}

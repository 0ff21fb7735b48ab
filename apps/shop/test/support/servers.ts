/**
 * The shop served by Node (its build output), Bun and Deno (its TypeScript source), each as a child
 * process on a free loopback port, with the test settings and the given SQLite file.
 */
import { binary, shopRoot } from '../../src/db/testing/run-script.ts'
import { TEST_SETTINGS } from './settings.ts'
import { type SpawnedServer, spawnServer } from './spawn-server.ts'

export type ServedRuntime = 'node' | 'bun' | 'deno'

const environment = (database: string) => ({
  ...TEST_SETTINGS,
  SHOP_DATABASE: database,
  HOST: '127.0.0.1',
  PORT: '0',
})

const starters: Record<ServedRuntime, (database: string) => Promise<SpawnedServer>> = {
  // `npm test` builds before vitest runs; `node dist/node.js` is what `npm start` runs.
  node: (database) =>
    spawnServer(process.execPath, ['dist/node.js'], {
      cwd: shopRoot,
      env: environment(database),
      listening: /Brisk shop is listening on (http:\/\/\S+)/,
    }),
  // Bun serves the module's default export `{ port, hostname, fetch }` and, outside production
  // (NODE_ENV), announces it on stdout once listening.
  bun: (database) =>
    spawnServer(binary('bun'), ['--conditions=source', 'src/bun.ts'], {
      cwd: shopRoot,
      env: environment(database),
      listening: /Started development server: (http:\/\/\S+)/,
    }),
  // `deno serve` serves the default export (the app) and says so on stderr once listening.
  deno: (database) =>
    spawnServer(
      binary('deno'),
      ['serve', '-A', '--conditions=source', '--host', '127.0.0.1', '--port', '0', 'src/deno.ts'],
      {
        cwd: shopRoot,
        env: { ...environment(database), DENO_NO_UPDATE_CHECK: '1', DENO_NO_PROMPT: '1' },
        listening: /deno serve: Listening on (http:\/\/\S+)/,
      },
    ),
}

/** Starts the shop on `runtime` with its database at `database`. */
export function startShop(runtime: ServedRuntime, database: string): Promise<SpawnedServer> {
  return starters[runtime](database)
}

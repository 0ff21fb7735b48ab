/** Fuzzes the fixture served by `Deno.serve` in a Deno child process. */
import { CONFORMANCE_ENV } from '../src/fixture/runtime-routes.ts'
import { defineFuzzSuite } from '../src/fuzz/define-fuzz-suite.ts'
import { procAvailable, treeRss } from '../src/fuzz/node/process-memory.ts'
import { spawnServer } from '../src/fuzz/node/spawn-server.ts'
import { binary, packageRoot } from './support/paths.ts'

defineFuzzSuite({
  runtime: 'deno',
  start: async () => {
    const server = await spawnServer(
      binary('deno'),
      ['run', '-A', '--conditions=source', 'src/serve-deno.ts'],
      {
        cwd: packageRoot,
        env: { DENO_NO_UPDATE_CHECK: '1', DENO_NO_PROMPT: '1', ...CONFORMANCE_ENV },
      },
    )
    return {
      runtime: 'deno',
      baseUrl: server.baseUrl,
      rss: () => (procAvailable ? treeRss(server.pid) : undefined),
      stop: server.stop,
    }
  },
})

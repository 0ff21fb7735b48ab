/** Fuzzes the fixture served by `Bun.serve` in a Bun child process. */
import { CONFORMANCE_ENV } from '../src/fixture/runtime-routes.ts'
import { defineFuzzSuite } from '../src/fuzz/define-fuzz-suite.ts'
import { procAvailable, treeRss } from '../src/fuzz/node/process-memory.ts'
import { spawnServer } from '../src/fuzz/node/spawn-server.ts'
import { binary, packageRoot } from './support/paths.ts'

defineFuzzSuite({
  runtime: 'bun',
  start: async () => {
    const server = await spawnServer(binary('bun'), ['--conditions=source', 'src/serve-bun.ts'], {
      cwd: packageRoot,
      env: CONFORMANCE_ENV,
    })
    return {
      runtime: 'bun',
      baseUrl: server.baseUrl,
      rss: () => (procAvailable ? treeRss(server.pid) : undefined),
      stop: server.stop,
    }
  },
})

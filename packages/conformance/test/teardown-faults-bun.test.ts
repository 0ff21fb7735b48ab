/** Teardown under faults on `Bun.serve`, in a Bun child process. */
import { spawnServer } from '../src/fuzz/node/spawn-server.ts'
import { defineTeardownFaultsSuite } from '../src/fuzz/node/teardown-faults-suite.ts'
import { binary, packageRoot } from './support/paths.ts'

defineTeardownFaultsSuite({
  runtime: 'bun',
  start: () =>
    spawnServer(binary('bun'), ['--conditions=source', 'src/fuzz/faults-bun.ts'], {
      cwd: packageRoot,
    }),
})

/** Teardown under faults on `Deno.serve`, in a Deno child process. */
import { spawnServer } from '../src/fuzz/node/spawn-server.ts'
import { defineTeardownFaultsSuite } from '../src/fuzz/node/teardown-faults-suite.ts'
import { binary, packageRoot } from './support/paths.ts'

defineTeardownFaultsSuite({
  runtime: 'deno',
  start: () =>
    spawnServer(binary('deno'), ['run', '-A', '--conditions=source', 'src/fuzz/faults-deno.ts'], {
      cwd: packageRoot,
      env: { DENO_NO_UPDATE_CHECK: '1', DENO_NO_PROMPT: '1' },
    }),
})

/** Runs the conformance cases against the fixture served by `Deno.serve` in a Deno child process. */
import { CONFORMANCE_ENV } from '../src/fixture/runtime-routes.ts'
import { defineSuite } from './support/define-suite.ts'
import { fetchOverHttp } from './support/fetch-over-http.ts'
import { binary, packageRoot } from './support/paths.ts'
import { spawnServer } from './support/spawn-server.ts'

defineSuite({
  runtime: 'deno',
  capabilities: {
    websocket: true,
    websocketShutdown: true,
    rawHttp: true,
    streamingRequestBody: true,
    forgedHeaders: 'requests cross a real socket, so HTTP framing fixes Content-Length',
    partContentType: true,
    requestAbort: true,
    disconnect: true,
  },
  start: async () => {
    const server = await spawnServer(
      binary('deno'),
      ['run', '-A', '--conditions=source', 'src/serve-deno.ts'],
      {
        cwd: packageRoot,
        env: { DENO_NO_UPDATE_CHECK: '1', DENO_NO_PROMPT: '1', ...CONFORMANCE_ENV },
      },
    )
    return { ...server, fetch: fetchOverHttp(server.baseUrl) }
  },
})

/** Runs the conformance cases against the fixture served by `Bun.serve` in a Bun child process. */
import { CONFORMANCE_ENV } from '../src/fixture/runtime-routes.ts'
import { defineSuite } from './support/define-suite.ts'
import { fetchOverHttp } from './support/fetch-over-http.ts'
import { binary, packageRoot } from './support/paths.ts'
import { spawnServer } from './support/spawn-server.ts'

defineSuite({
  runtime: 'bun',
  capabilities: {
    websocket: true,
    websocketShutdown: true,
    rawHttp: true,
    streamingRequestBody: true,
    forgedHeaders: 'requests cross a real socket, so HTTP framing fixes Content-Length',
    partContentType:
      'Bun 1.4 formData() sets File.type from the filename extension, ignoring the part Content-Type',
    requestAbort: true,
    disconnect: true,
  },
  start: async () => {
    const server = await spawnServer(binary('bun'), ['--conditions=source', 'src/serve-bun.ts'], {
      cwd: packageRoot,
      env: CONFORMANCE_ENV,
    })
    return { ...server, fetch: fetchOverHttp(server.baseUrl) }
  },
})

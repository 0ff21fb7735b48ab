/** Runs the conformance cases against the fixture in-process: `app.fetch(request)` on Node. */
import { CONFORMANCE_ENV } from '../src/fixture/runtime-routes.ts'
import { app } from '../src/fixture.ts'
import { defineSuite } from './support/define-suite.ts'

defineSuite({
  runtime: 'node',
  capabilities: {
    websocket:
      'in-process app.fetch cannot upgrade a connection (a WebSocket needs a server entry)',
    websocketShutdown: 'in-process app.fetch cannot upgrade a connection',
    rawHttp: 'in-process target has no socket',
    streamingRequestBody: true,
    forgedHeaders: true,
    partContentType: true,
    requestAbort: true,
    disconnect: true,
  },
  start: async () => {
    Object.assign(process.env, CONFORMANCE_ENV)
    return { fetch: async (request) => app.fetch(request), stop: async () => {} }
  },
})

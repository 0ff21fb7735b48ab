/** Runs the conformance cases against the fixture in-process: `app.fetch(request)` on Node. */
import { app } from '../src/fixture.ts'
import { defineSuite } from './support/define-suite.ts'

defineSuite({
  runtime: 'node',
  capabilities: {
    rawHttp: 'in-process target has no socket',
    streamingRequestBody: true,
    forgedHeaders: true,
    partContentType: true,
    requestAbort: true,
    disconnect: true,
  },
  start: async () => ({ fetch: async (request) => app.fetch(request), stop: async () => {} }),
})

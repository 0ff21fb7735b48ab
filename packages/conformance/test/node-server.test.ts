/**
 * Runs the conformance cases against the fixture served on a real port by Brisk's Node adapter
 * (`@hono/node-server` underneath, request bodies read straight from Node's stream).
 */

import type { AddressInfo } from 'node:net'
import { serve } from '@brisk/router/node'
import { CONFORMANCE_ENV } from '../src/fixture/runtime-routes.ts'
import { app } from '../src/fixture.ts'
import { defineSuite } from './support/define-suite.ts'
import { fetchOverHttp } from './support/fetch-over-http.ts'

defineSuite({
  runtime: 'node-server',
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
    Object.assign(process.env, CONFORMANCE_ENV)
    const node = await serve(app, { port: 0, hostname: '127.0.0.1', signals: [], exit: false })
    const { port } = node.server.address() as AddressInfo
    const baseUrl = `http://127.0.0.1:${port}`
    return {
      baseUrl,
      fetch: fetchOverHttp(baseUrl),
      stop: () => node.close(),
    }
  },
})

/** Runs the conformance cases against the fixture served by `@hono/node-server` on a real port. */
import type { AddressInfo } from 'node:net'
import { serve } from '@hono/node-server'
import { app } from '../src/fixture.ts'
import { defineSuite } from './support/define-suite.ts'
import { fetchOverHttp } from './support/fetch-over-http.ts'

defineSuite({
  runtime: 'node-server',
  capabilities: {
    rawHttp: true,
    streamingRequestBody: true,
    forgedHeaders: 'requests cross a real socket, so HTTP framing fixes Content-Length',
    partContentType: true,
    requestAbort: true,
    disconnect: true,
  },
  start: async () => {
    const server = await new Promise<ReturnType<typeof serve>>((resolve) => {
      const listening = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, () =>
        resolve(listening),
      )
    })
    const { port } = server.address() as AddressInfo
    const baseUrl = `http://127.0.0.1:${port}`
    return {
      baseUrl,
      fetch: fetchOverHttp(baseUrl),
      stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
    }
  },
})

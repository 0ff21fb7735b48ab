/** Teardown under faults on Brisk's Node adapter (`@hono/node-server`), in this process. */
import type { AddressInfo } from 'node:net'
import { serve } from '@brisk/router/node'
import { faultsApp } from '../src/fuzz/faults-app.ts'
import { defineTeardownFaultsSuite } from '../src/fuzz/node/teardown-faults-suite.ts'

defineTeardownFaultsSuite({
  runtime: 'node-server',
  start: async () => {
    const node = await serve(faultsApp, {
      port: 0,
      hostname: '127.0.0.1',
      signals: [],
      exit: false,
    })
    const { port } = node.server.address() as AddressInfo
    return { baseUrl: `http://127.0.0.1:${port}`, stop: () => node.close() }
  },
})

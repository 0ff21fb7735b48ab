/**
 * Fuzzes the fixture served by Brisk's Node adapter: in this process for the short pass, in a
 * Node process of its own (the built entry) for the long one, so its RSS is the server's alone.
 */
import { existsSync } from 'node:fs'
import type { AddressInfo } from 'node:net'
import { serve } from '@brisk/router/node'
import { CONFORMANCE_ENV } from '../src/fixture/runtime-routes.ts'
import { app } from '../src/fixture.ts'
import { defineFuzzSuite, longRequests } from '../src/fuzz/define-fuzz-suite.ts'
import { procAvailable, treeRss } from '../src/fuzz/node/process-memory.ts'
import { spawnServer } from '../src/fuzz/node/spawn-server.ts'
import { packageRoot } from './support/paths.ts'

const entry = `${packageRoot}dist/fuzz/serve-node.js`

defineFuzzSuite({
  runtime: 'node-server',
  start: async () => {
    if (longRequests > 0) {
      if (!existsSync(entry)) throw new Error(`${entry} is missing: run the build first`)
      const server = await spawnServer(process.execPath, [entry], {
        cwd: packageRoot,
        env: CONFORMANCE_ENV,
      })
      return {
        runtime: 'node-server',
        baseUrl: server.baseUrl,
        rss: () => (procAvailable ? treeRss(server.pid) : undefined),
        stop: server.stop,
      }
    }
    Object.assign(process.env, CONFORMANCE_ENV)
    const node = await serve(app, { port: 0, hostname: '127.0.0.1', signals: [], exit: false })
    const { port } = node.server.address() as AddressInfo
    return {
      runtime: 'node-server',
      baseUrl: `http://127.0.0.1:${port}`,
      rss: () => process.memoryUsage().rss,
      stop: () => node.close(),
    }
  },
})

/**
 * Teardown under faults on workerd (Miniflare), over raw sockets to the loopback port Miniflare
 * opens, so a client that goes away closes a real connection to workerd.
 */
import type { Readable } from 'node:stream'
import { build } from 'esbuild'
import { Miniflare } from 'miniflare'
import { defineTeardownFaultsSuite } from '../src/fuzz/node/teardown-faults-suite.ts'
import { packageRoot } from './support/paths.ts'

defineTeardownFaultsSuite({
  runtime: 'workerd',
  lacks: {
    'cut-stream':
      'a stream the client cuts is never cancelled in workerd under Miniflare (not even over a raw socket, not even with enable_request_signal): it stays suspended and its teardown never runs',
  },
  start: async () => {
    const bundle = await build({
      entryPoints: [`${packageRoot}src/fuzz/faults-worker.ts`],
      bundle: true,
      write: false,
      format: 'esm',
      platform: 'browser',
      conditions: ['source', 'workerd', 'worker', 'browser'],
      external: ['cloudflare:*'],
      logLevel: 'silent',
    })
    const script = bundle.outputFiles[0]?.text
    if (!script) throw new Error('esbuild produced no worker bundle')
    const mf = new Miniflare({
      modules: true,
      script,
      compatibilityDate: '2025-09-01',
      handleRuntimeStdio: (stdout: Readable, stderr: Readable) => {
        stdout.resume()
        stderr.resume()
      },
    })
    const url = await mf.ready
    return { baseUrl: url.origin, stop: () => mf.dispose() }
  },
})

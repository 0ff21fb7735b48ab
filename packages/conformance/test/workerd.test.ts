/** Runs the conformance cases against the fixture bundled by esbuild and served by workerd (Miniflare). */

import { build } from 'esbuild'
import { Miniflare } from 'miniflare'
import { CONFORMANCE_ENV } from '../src/fixture/runtime-routes.ts'
import { defineSuite } from './support/define-suite.ts'
import { packageRoot } from './support/paths.ts'

defineSuite({
  runtime: 'workerd',
  capabilities: {
    websocket: true,
    websocketShutdown:
      "a socket belongs to the request that opened it (Workers' I/O isolation), and a Worker has no shutdown",
    rawHttp: 'Miniflare is reached through dispatchFetch, not a raw socket',
    streamingRequestBody: true,
    forgedHeaders: 'dispatchFetch crosses a real socket, so HTTP framing fixes Content-Length',
    partContentType: true,
    requestAbort:
      'aborting a Miniflare dispatchFetch never aborts request.signal in the worker (not even with enable_request_signal)',
    disconnect:
      'a cancel through Miniflare dispatchFetch never reaches the worker (the stream stays running)',
  },
  start: async () => {
    const bundle = await build({
      entryPoints: [`${packageRoot}src/worker.ts`],
      bundle: true,
      write: false,
      format: 'esm',
      platform: 'browser',
      conditions: ['source', 'workerd', 'worker', 'browser'],
      // workerd's own modules (crossws's Workers adapter imports cloudflare:workers), as wrangler does.
      external: ['cloudflare:*'],
      logLevel: 'silent',
    })
    const script = bundle.outputFiles[0]?.text
    if (!script) throw new Error('esbuild produced no worker bundle')
    const mf = new Miniflare({
      modules: true,
      script,
      compatibilityDate: '2025-09-01',
      bindings: { ...CONFORMANCE_ENV },
    })
    // Miniflare also listens on a loopback port: WebSocket cases connect there.
    const url = await mf.ready
    return {
      websocketUrl: url.origin.replace(/^http/, 'ws'),
      fetch: (request) => {
        const init = {
          method: request.method,
          headers: [...request.headers],
          body: request.body,
          duplex: 'half',
          redirect: 'manual',
          signal: request.signal,
        } as const
        // Miniflare types its fetch with its own undici copy; the runtime objects are interchangeable.
        return mf.dispatchFetch(request.url, init as never) as unknown as Promise<Response>
      },
      stop: () => mf.dispose(),
    }
  },
})

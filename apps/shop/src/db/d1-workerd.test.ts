/**
 * The D1 dialect on real D1: the repository scenario bundled into a Worker and run by workerd
 * (Miniflare) against a D1 binding — batches as transactions, D1's refusals (`BEGIN`, its `_cf_`
 * tables), its BLOBs and its errors. The app's own Worker tests cover the routes.
 */
import { build } from 'esbuild'
import { Miniflare } from 'miniflare'
import { describe, expect, it } from 'vitest'
import { expectedScenario } from './testing/expected-scenario.ts'

describe('the D1 dialect in workerd', () => {
  it('runs the repository scenario on a D1 binding', async () => {
    const bundle = await build({
      entryPoints: [new URL('./testing/d1-worker.ts', import.meta.url).pathname],
      bundle: true,
      write: false,
      format: 'esm',
      platform: 'browser',
      conditions: ['source', 'workerd', 'worker', 'browser'],
      logLevel: 'silent',
    })
    const mf = new Miniflare({
      modules: true,
      script: bundle.outputFiles[0]!.text,
      compatibilityDate: '2025-09-01',
      d1Databases: ['DB'],
    })
    try {
      const res = await mf.dispatchFetch('http://shop.test/')
      const body = await res.text()
      expect(res.status, body).toBe(200)
      expect(JSON.parse(body)).toEqual(expectedScenario)
    } finally {
      await mf.dispose()
    }
  })
})

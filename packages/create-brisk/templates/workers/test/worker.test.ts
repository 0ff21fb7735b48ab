/** The Worker in workerd (Miniflare): bundled as wrangler bundles it, then called over fetch. */
import { build } from 'esbuild'
import { Miniflare } from 'miniflare'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

let mf: Miniflare
beforeAll(async () => {
  const bundle = await build({
    entryPoints: ['src/worker.ts'],
    bundle: true,
    write: false,
    format: 'esm',
    platform: 'browser',
    conditions: ['workerd', 'worker', 'browser'],
    logLevel: 'silent',
  })
  mf = new Miniflare({
    modules: true,
    script: bundle.outputFiles[0]!.text,
    compatibilityDate: '2025-09-01',
    bindings: { APP_NAME: 'worker test' },
  })
  await mf.ready
})
afterAll(() => mf?.dispose())

describe('the Worker', () => {
  it('reads its settings from the bindings', async () => {
    const res = await mf.dispatchFetch('http://worker/')
    expect(await res.json()).toEqual({ message: 'Hello from worker test' })
  })

  it('serves items and the OpenAPI document', async () => {
    expect(await (await mf.dispatchFetch('http://worker/items/1')).json()).toEqual({
      id: 1,
      name: 'lamp',
      price: 12.5,
    })
    const spec = (await (await mf.dispatchFetch('http://worker/openapi.json')).json()) as {
      openapi: string
    }
    expect(spec.openapi).toMatch(/^3\.1\./)
  })
})

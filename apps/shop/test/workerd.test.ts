/**
 * The shop's contract against its Worker entry in workerd (Miniflare) on a local D1 database: the
 * app's own migrator creates the tables on the first request. Also the docs page, whose Scalar
 * script is bundled into the Worker as text.
 */
import { readFile } from 'node:fs/promises'
import { standalonePath } from '@brisk/openapi/scalar-local'
import { expect } from 'vitest'
import { call, type ShopTarget } from './contract.ts'
import { describeContract } from './support/describe-contract.ts'
import { TEST_SETTINGS } from './support/settings.ts'
import { startWorker } from './support/worker.ts'

async function servesDocs(target: ShopTarget) {
  const page = await call(target, '/docs')
  expect(page.status).toBe(200)
  expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8')
  const html = await page.text()
  expect(html).toContain('<title>Brisk shop</title>')
  expect(html).toContain('src="/docs/scalar.js"')

  const script = await call(target, '/docs/scalar.js')
  expect(script.status).toBe(200)
  expect(script.headers.get('content-type')).toBe('text/javascript; charset=utf-8')
  expect(await script.text()).toBe(await readFile(standalonePath(), 'utf8'))
  const etag = script.headers.get('etag')
  expect(etag).toMatch(/^"[A-Za-z0-9+/]+"$/)
  const again = await call(target, '/docs/scalar.js', { headers: { 'if-none-match': etag! } })
  expect(again.status).toBe(304)
}

describeContract('the shop as a Worker in workerd (D1), through Miniflare', {
  adminKey: TEST_SETTINGS.ADMIN_API_KEY,
  start: () => startWorker(),
  more: {
    'GET /docs serves the Scalar page, and its script from the bundle (ETag, 304)': servesDocs,
  },
})

import { createHash } from 'node:crypto'
import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import { createApp } from '@brisk/router'
import { describe, expect, it } from 'vitest'
import { docs } from './docs.ts'
import { SCALAR_INTEGRITY, SCALAR_VERSION, scalarCdn } from './scalar-cdn.ts'

const require = createRequire(import.meta.url)
const main = require.resolve('@scalar/api-reference')
const installed = JSON.parse(readFileSync(join(dirname(main), '..', 'package.json'), 'utf8'))

describe('scalarCdn', () => {
  it('pins the tested version of @scalar/api-reference, with the hash of its standalone script', () => {
    expect(installed.version).toBe(SCALAR_VERSION)
    const script = readFileSync(join(dirname(main), 'browser', 'standalone.js'))
    expect(`sha384-${createHash('sha384').update(script).digest('base64')}`).toBe(SCALAR_INTEGRITY)
  })

  it('is what /docs loads when no scalar source is given, with SRI and no script route', async () => {
    const app = createApp({ routes: [] })
    docs(app, {})
    const html = await (await app.request('/docs')).text()
    const { url, integrity } = scalarCdn() as { url: string; integrity: string }
    expect(url).toBe(
      `https://cdn.jsdelivr.net/npm/@scalar/api-reference@${SCALAR_VERSION}/dist/browser/standalone.js`,
    )
    expect(html).toContain(`src="${url}" integrity="${integrity}" crossorigin="anonymous"`)
    expect((await app.request('/docs/scalar.js')).status).toBe(404)
  })
})

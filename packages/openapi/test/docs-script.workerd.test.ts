/**
 * The gzipped docs script on workerd (Miniflare): Workers compress a body themselves by its
 * `Content-Encoding` unless told the body is encoded already, which would gzip it twice.
 */
import { build } from 'esbuild'
import { Miniflare } from 'miniflare'
import { expect, it } from 'vitest'

it('serves the gzipped script on workerd gzipped once', { timeout: 60_000 }, async () => {
  const entry = JSON.stringify(new URL('../src/docs-handlers.ts', import.meta.url).pathname)
  const worker = `import { docsHandlers } from ${entry}
const docs = docsHandlers({ specUrl: '/openapi.json', title: 'T', scalar: { kind: 'inline', load: () => 'scalar();'.repeat(1000) } })
export default { fetch: (request) => docs.script({ req: { raw: request } }) }`
  const bundle = await build({
    stdin: { contents: worker, resolveDir: process.cwd() },
    bundle: true,
    write: false,
    format: 'esm',
    platform: 'browser',
    logLevel: 'silent',
  })
  const mf = new Miniflare({
    modules: true,
    script: bundle.outputFiles[0]!.text,
    compatibilityDate: '2025-09-01',
  })
  try {
    const response = await mf.dispatchFetch('http://localhost/docs/scalar.js', {
      headers: { 'accept-encoding': 'gzip' },
    })
    expect(response.status).toBe(200)
    // Miniflare's fetch decodes one gzip layer: what is left must be the script itself.
    expect(await response.text()).toBe('scalar();'.repeat(1000))
  } finally {
    await mf.dispose()
  }
})

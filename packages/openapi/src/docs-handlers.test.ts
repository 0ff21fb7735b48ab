import { describe, expect, it, vi } from 'vitest'
import { type DocsContext, docsHandlers } from './docs-handlers.ts'

const context = (headers: Record<string, string> = {}): DocsContext => ({
  req: { raw: new Request('http://localhost/docs/scalar.js', { headers }) },
})
const base = { specUrl: '/openapi.json', title: 'Shop API' }

describe('docsHandlers', () => {
  it('points the page at a CDN script and serves no script route', async () => {
    const docs = docsHandlers({
      ...base,
      scalar: { kind: 'cdn', url: 'https://cdn.example/scalar.js', integrity: 'sha384-abc' },
    })
    expect(docs.script).toBeUndefined()
    expect(docs.scriptPath).toBeUndefined()
    const page = docs.page(context())
    expect(page.status).toBe(200)
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8')
    expect(page.headers.get('cache-control')).toBe('no-cache')
    expect(await page.text()).toContain(
      '<script src="https://cdn.example/scalar.js" integrity="sha384-abc" crossorigin="anonymous">',
    )
  })

  it('serves an inline script at its path, loading it once, with an ETag and a long cache', async () => {
    const load = vi.fn(async () => 'console.log("scalar")')
    const docs = docsHandlers({ ...base, scalar: { kind: 'inline', load } })
    expect(docs.scriptPath).toBe('/docs/scalar.js')
    expect(await docs.page(context()).text()).toContain('<script src="/docs/scalar.js"></script>')
    expect(load).not.toHaveBeenCalled()

    const response = await docs.script!(context())
    expect(response.status).toBe(200)
    expect(response.headers.get('content-type')).toBe('text/javascript; charset=utf-8')
    expect(response.headers.get('cache-control')).toBe('public, max-age=604800')
    expect(response.headers.get('x-content-type-options')).toBe('nosniff')
    // SHA-256 of the body, base64 without padding.
    expect(response.headers.get('etag')).toBe('"yaxpcOW7oWLNSbfX2f7AUJ5st0JBLSDsaXEEBVKk+Vc"')
    expect(await response.text()).toBe('console.log("scalar")')
    expect(await (await docs.script!(context())).text()).toBe('console.log("scalar")')
    expect(load).toHaveBeenCalledTimes(1)
  })

  it('answers a matching If-None-Match with an empty 304', async () => {
    const docs = docsHandlers({ ...base, scalar: { kind: 'inline', load: () => 'x' } })
    const etag = (await docs.script!(context())).headers.get('etag')!
    for (const header of [etag, `W/${etag}`, `"other", ${etag}`, '*']) {
      const response = await docs.script!(context({ 'if-none-match': header }))
      expect(response.status).toBe(304)
      expect(response.headers.get('etag')).toBe(etag)
      expect(await response.text()).toBe('')
    }
    expect((await docs.script!(context({ 'if-none-match': '"other"' }))).status).toBe(200)
  })

  it('retries a failed load on the next request', async () => {
    const load = vi
      .fn<() => Promise<string>>()
      .mockRejectedValueOnce(new Error('disk'))
      .mockResolvedValue('ok')
    const docs = docsHandlers({ ...base, scalar: { kind: 'inline', load }, scriptPath: '/s.js' })
    expect(docs.scriptPath).toBe('/s.js')
    await expect(docs.script!(context())).rejects.toThrow('disk')
    expect(await (await docs.script!(context())).text()).toBe('ok')
  })

  it("puts each request's nonce on the script tag", async () => {
    let nonce = 'first'
    const docs = docsHandlers({
      ...base,
      scalar: { kind: 'inline', load: () => '' },
      nonce: () => nonce,
    })
    expect(await docs.page(context()).text()).toContain('src="/docs/scalar.js" nonce="first"')
    nonce = 'second'
    expect(await docs.page(context()).text()).toContain('src="/docs/scalar.js" nonce="second"')
  })
})

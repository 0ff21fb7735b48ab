import { describe, expect, it, vi } from 'vitest'
import { type DocsContext, docsHandlers } from './docs-handlers.ts'
import { SCALAR_VERSION, scalarCdn } from './scalar-cdn.ts'

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

const gunzip = async (response: Response) =>
  new Response(response.body!.pipeThrough(new DecompressionStream('gzip'))).text()

describe('docsHandlers security headers', () => {
  it("sends the page under a CSP of exactly what Scalar's page needs, not framable", () => {
    const docs = docsHandlers({ ...base, scalar: { kind: 'inline', load: () => '' } })
    const page = docs.page(context())
    expect(page.headers.get('content-security-policy')).toBe(
      "default-src 'none'; script-src 'self'; style-src 'unsafe-inline'; img-src 'self' data:; connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
    )
    expect(page.headers.get('x-content-type-options')).toBe('nosniff')
  })

  it('allows the one pinned CDN file, not its whole host', () => {
    const docs = docsHandlers({ ...base, scalar: scalarCdn() })
    const policy = docs.page(context()).headers.get('content-security-policy')!
    expect(policy).toContain(
      `script-src https://cdn.jsdelivr.net/npm/@scalar/api-reference@${SCALAR_VERSION}/dist/browser/standalone.js;`,
    )
  })

  it('lets the client reach absolute servers and extra connect sources, by origin', () => {
    const docs = docsHandlers({
      ...base,
      specUrl: 'https://specs.example/v1/openapi.json',
      scalar: { kind: 'inline', load: () => '' },
      servers: [{ url: '/' }, { url: 'https://api.example/v1' }],
      connectSrc: ['https://staging.example'],
    })
    expect(docs.page(context()).headers.get('content-security-policy')).toContain(
      "connect-src 'self' https://specs.example https://api.example https://staging.example;",
    )
  })

  it("adds each request's nonce to script-src, and refuses a nonce that is not base64", () => {
    let nonce = 'abc+/123=='
    const docs = docsHandlers({
      ...base,
      scalar: { kind: 'inline', load: () => '' },
      nonce: () => nonce,
    })
    expect(docs.page(context()).headers.get('content-security-policy')).toContain(
      "script-src 'self' 'nonce-abc+/123==';",
    )
    nonce = "x'; script-src *"
    expect(() => docs.page(context())).toThrow('docs: the CSP nonce must be base64')
  })

  it('takes a policy of your own, or none', () => {
    const inline = { kind: 'inline', load: () => '' } as const
    const own = docsHandlers({
      ...base,
      scalar: inline,
      contentSecurityPolicy: "default-src 'self'",
    })
    expect(own.page(context()).headers.get('content-security-policy')).toBe("default-src 'self'")
    const none = docsHandlers({ ...base, scalar: inline, contentSecurityPolicy: false })
    expect(none.page(context()).headers.has('content-security-policy')).toBe(false)
  })

  it('sends the script as data: no framing, no sniffing, on 200 and 304', async () => {
    const docs = docsHandlers({ ...base, scalar: { kind: 'inline', load: () => 'x' } })
    const first = await docs.script!(context())
    const again = await docs.script!(context({ 'if-none-match': first.headers.get('etag')! }))
    for (const response of [first, again]) {
      expect(response.headers.get('content-security-policy')).toBe(
        "default-src 'none'; frame-ancestors 'none'",
      )
      expect(response.headers.get('x-content-type-options')).toBe('nosniff')
      expect(response.headers.get('vary')).toBe('accept-encoding')
    }
  })
})

describe('docsHandlers script compression', () => {
  const text = `/* scalar */ ${'createApiReference(); '.repeat(2_000)}`

  it('gzips the script for a client that accepts gzip, with its own ETag', async () => {
    const docs = docsHandlers({ ...base, scalar: { kind: 'inline', load: () => text } })
    const plain = await docs.script!(context({ 'accept-encoding': 'br' }))
    expect(plain.headers.get('content-encoding')).toBeNull()
    const zipped = await docs.script!(context({ 'accept-encoding': 'gzip, deflate, br' }))
    expect(zipped.status).toBe(200)
    expect(zipped.headers.get('content-encoding')).toBe('gzip')
    expect(zipped.headers.get('content-type')).toBe('text/javascript; charset=utf-8')
    expect(zipped.headers.get('cache-control')).toBe('public, max-age=604800')
    const gzipTag = zipped.headers.get('etag')!
    expect(gzipTag).toMatch(/^"[A-Za-z0-9+/]{43}"$/)
    expect(gzipTag).not.toBe(plain.headers.get('etag'))
    const bytes = new Uint8Array(await zipped.clone().arrayBuffer())
    expect([bytes[0], bytes[1]]).toEqual([0x1f, 0x8b]) // the gzip magic number
    expect(bytes.byteLength).toBeLessThan(text.length / 10)
    expect(await gunzip(zipped)).toBe(text)
  })

  it('compresses once and serves the same bytes after', async () => {
    let made = 0
    const Original = globalThis.CompressionStream
    vi.stubGlobal(
      'CompressionStream',
      class extends Original {
        constructor(format: CompressionFormat) {
          super(format)
          made++
        }
      },
    )
    try {
      const docs = docsHandlers({ ...base, scalar: { kind: 'inline', load: () => text } })
      const gzipped = context({ 'accept-encoding': 'gzip' })
      const bodies = []
      for (let index = 0; index < 3; index++) {
        bodies.push(new Uint8Array(await (await docs.script!(gzipped)).arrayBuffer()))
      }
      expect(made).toBe(1)
      expect(bodies[1]).toEqual(bodies[0])
      expect(bodies[2]).toEqual(bodies[0])
    } finally {
      vi.unstubAllGlobals()
    }
  })

  it('answers 304 to either ETag, naming the one of the encoding the client gets', async () => {
    const docs = docsHandlers({ ...base, scalar: { kind: 'inline', load: () => text } })
    const plainTag = (await docs.script!(context())).headers.get('etag')!
    const gzipped = context({ 'accept-encoding': 'gzip' })
    const gzipTag = (await docs.script!(gzipped)).headers.get('etag')!
    expect(gzipTag).not.toBe(plainTag)
    for (const tag of [plainTag, gzipTag]) {
      const response = await docs.script!(
        context({ 'if-none-match': tag, 'accept-encoding': 'gzip' }),
      )
      expect(response.status).toBe(304)
      expect(response.headers.get('etag')).toBe(gzipTag)
      expect(response.headers.get('content-encoding')).toBeNull()
      expect(await response.text()).toBe('')
    }
  })
})

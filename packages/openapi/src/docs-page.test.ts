import { describe, expect, it } from 'vitest'
import { docsPage } from './docs-page.ts'

/** What Scalar reads: the `data-configuration` attribute, decoded as a browser would. */
function configurationOf(html: string): Record<string, unknown> {
  const match =
    /<script id="api-reference" type="application\/json" data-configuration="([^"]*)"><\/script>/.exec(
      html,
    )
  if (!match) throw new Error('no configuration element')
  const decoded = match[1]!
    .replaceAll('&quot;', '"')
    .replaceAll('&#39;', "'")
    .replaceAll('&lt;', '<')
    .replaceAll('&gt;', '>')
    .replaceAll('&amp;', '&')
  // Scalar itself also turns a literal `&quot;` left in the decoded value into a quote.
  expect(decoded).not.toContain('&quot;')
  return JSON.parse(decoded)
}

const base = { specUrl: '/openapi.json', title: 'Shop API', scriptUrl: '/docs/scalar.js' }

describe('docsPage', () => {
  it('configures Scalar for the same origin with no fonts, telemetry or agent', () => {
    expect(configurationOf(docsPage(base))).toEqual({
      url: '/openapi.json',
      withDefaultFonts: false,
      telemetry: false,
      agent: { disabled: true },
      showDeveloperTools: 'never',
      servers: [],
    })
  })

  it('loads the script after the configuration element, with no inline code or handlers', () => {
    const html = docsPage(base)
    expect(html.indexOf('id="api-reference"')).toBeLessThan(html.indexOf('src="/docs/scalar.js"'))
    expect(html).toContain('<script src="/docs/scalar.js"></script>')
    expect(html).not.toMatch(/\son[a-z]+=/i)
    for (const [, body] of html.matchAll(/<script[^>]*>([\s\S]*?)<\/script>/g))
      expect(body).toBe('')
  })

  it('escapes the title, URLs, nonce and integrity', () => {
    const html = docsPage({
      specUrl: '/spec.json?a=1&b="2"',
      title: '</title><script>alert(1)</script>',
      scriptUrl: '/s.js"><script>x()</script>',
      nonce: 'n"once',
      integrity: 'sha384-"x"',
    })
    expect(html).toContain('<title>&lt;/title&gt;&lt;script&gt;alert(1)&lt;/script&gt;</title>')
    expect(html).toContain(
      '<script src="/s.js&quot;&gt;&lt;script&gt;x()&lt;/script&gt;" nonce="n&quot;once" integrity="sha384-&quot;x&quot;" crossorigin="anonymous"></script>',
    )
    expect(html).toContain('href="/spec.json?a=1&amp;b=&quot;2&quot;"')
    expect(html.match(/<script/g)).toHaveLength(2)
    expect(configurationOf(html).url).toBe('/spec.json?a=1&b="2"')
  })

  it('keeps configuration values that look like entities or markup intact', () => {
    const tricky = 'a &quot; b </script> & <b>'
    const html = docsPage({ ...base, configuration: { metaData: { title: tricky } } })
    expect(html).not.toContain('</script> &')
    expect(configurationOf(html).metaData).toEqual({ title: tricky })
  })

  it("offers the document's servers, or given ones, and lets configuration override defaults", () => {
    expect(configurationOf(docsPage({ ...base, servers: 'document' }))).not.toHaveProperty(
      'servers',
    )
    const servers = [{ url: '/api', description: 'Behind the proxy' }]
    expect(configurationOf(docsPage({ ...base, servers })).servers).toEqual(servers)
    const configuration = { theme: 'moon', withDefaultFonts: true, url: '/elsewhere.json' }
    const result = configurationOf(docsPage({ ...base, configuration }))
    expect(result).toMatchObject({ theme: 'moon', withDefaultFonts: true, url: '/openapi.json' })
  })
})

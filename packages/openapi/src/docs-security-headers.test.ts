import { createApp, get } from '@brisk/router'
import { describe, expect, it } from 'vitest'
import { docs } from './docs.ts'
import { openapi } from './openapi.ts'

const LOCKED = "default-src 'none'; frame-ancestors 'none'"

describe('security headers of the served documents and docs', () => {
  const app = createApp({ routes: [get('/items', () => [])] })
  openapi(app, { info: { title: 'T', version: '1.0.0' } })
  docs(app, { scalar: { kind: 'inline', load: () => 'console.log(1)' } })

  it('sends /openapi.json as data: nothing loads or frames it, no sniffing', async () => {
    const response = await app.request('/openapi.json')
    expect(response.status).toBe(200)
    expect(response.headers.get('content-type')).toBe('application/json; charset=utf-8')
    expect(response.headers.get('content-security-policy')).toBe(LOCKED)
    expect(response.headers.get('x-content-type-options')).toBe('nosniff')
  })

  it('sends /docs under its page policy and /docs/scalar.js gzipped when asked', async () => {
    const page = await app.request('/docs')
    expect(page.headers.get('content-security-policy')).toMatch(
      /^default-src 'none'; script-src 'self'; .*; frame-ancestors 'none'$/,
    )
    expect(page.headers.get('x-content-type-options')).toBe('nosniff')
    const script = await app.request('/docs/scalar.js', { headers: { 'accept-encoding': 'gzip' } })
    expect(script.headers.get('content-encoding')).toBe('gzip')
    expect(script.headers.get('content-security-policy')).toBe(LOCKED)
  })
})

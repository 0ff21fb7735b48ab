import { createApp, get } from '@brisk/router'
import { describe, expect, it } from 'vitest'
import { corsFor } from './cors-for.ts'

const appWith = (middleware: ReturnType<typeof corsFor>) =>
  createApp({ middleware: [middleware], routes: [get('/', () => 'ok')] })

describe('corsFor', () => {
  it('refuses * with credentials, wildcards, paths and empty lists when created', () => {
    expect(() => corsFor({ origins: '*', credentials: true })).toThrow(
      "corsFor: origins '*' with credentials would let any site act as the user",
    )
    for (const origin of [
      '*',
      'https://*.example',
      'https://app.example/',
      'app.example',
      'null',
    ]) {
      expect(() => corsFor({ origins: [origin] })).toThrow('is not an exact origin')
    }
    expect(() => corsFor({ origins: [] })).toThrow("'origins' must list at least one origin")
  })

  it('echoes an exactly matching origin only, and always varies on Origin', async () => {
    const app = appWith(corsFor({ origins: ['https://app.example'], credentials: true }))
    const allowed = await app.request('/', { headers: { origin: 'https://app.example' } })
    expect(allowed.headers.get('access-control-allow-origin')).toBe('https://app.example')
    expect(allowed.headers.get('access-control-allow-credentials')).toBe('true')
    expect(allowed.headers.get('vary')).toBe('Origin')
    for (const origin of [
      'https://app.example.evil',
      'https://evil-app.example',
      'http://app.example',
    ]) {
      const denied = await app.request('/', { headers: { origin } })
      expect(denied.headers.get('access-control-allow-origin')).toBeNull()
      expect(denied.headers.get('vary')).toBe('Origin')
    }
  })

  it('answers a preflight with Vary: Origin, and varies on Origin even for *', async () => {
    const app = appWith(corsFor({ origins: ['https://app.example'] }))
    const preflight = await app.request('/', {
      method: 'OPTIONS',
      headers: { origin: 'https://app.example', 'access-control-request-method': 'POST' },
    })
    expect(preflight.status).toBe(204)
    expect(preflight.headers.get('vary')).toContain('Origin')
    const open = appWith(corsFor({ origins: '*' }))
    const response = await open.request('/', { headers: { origin: 'https://x.example' } })
    expect(response.headers.get('access-control-allow-origin')).toBe('*')
    expect(response.headers.get('vary')).toBe('Origin')
  })
})

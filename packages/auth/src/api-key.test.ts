import { createApp, get } from '@brisk/router'
import { describe, expect, it } from 'vitest'
import { anyOf } from './any-of.ts'
import { apiKey } from './api-key.ts'
import type { SecurityDependency } from './types.ts'

const KEY_A = 'key-a-0123456789abcdef'
const KEY_B = 'key-b-0123456789abcdef'

function appWith(guard: SecurityDependency<any>) {
  return createApp({ routes: [get('/', { deps: { who: guard } }, ({ deps }) => deps.who)] })
}

describe('apiKey', () => {
  it('names the client whose key matched', async () => {
    const app = appWith(apiKey({ in: 'header', name: 'X-Api-Key', keys: { a: KEY_A, b: KEY_B } }))
    expect(await (await app.request('/', { headers: { 'x-api-key': KEY_B } })).json()).toEqual({
      name: 'b',
    })
  })

  it('reads a cookie', async () => {
    const app = appWith(apiKey({ in: 'cookie', name: 'session_key', keys: { a: KEY_A } }))
    const ok = await app.request('/', { headers: { cookie: `other=1; session_key=${KEY_A}` } })
    expect(await ok.json()).toEqual({ name: 'a' })
  })

  it('maps a key to a principal through a lookup, never called for absent or huge keys', async () => {
    const looked: string[] = []
    const guard = apiKey({
      in: 'header',
      name: 'x-api-key',
      lookup: async (key) => {
        looked.push(key)
        return key === KEY_A ? { tenant: 't1' } : undefined
      },
    })
    const app = appWith(guard)
    expect(await (await app.request('/', { headers: { 'x-api-key': KEY_A } })).json()).toEqual({
      tenant: 't1',
    })
    expect((await app.request('/')).status).toBe(401)
    expect((await app.request('/', { headers: { 'x-api-key': 'k'.repeat(2000) } })).status).toBe(
      401,
    )
    expect(looked).toEqual([KEY_A])
  })

  it('with a header and a query alternative, the header comes first and decides', async () => {
    const header = apiKey({ in: 'header', name: 'x-api-key', keys: { a: KEY_A } })
    const query = apiKey({
      in: 'query',
      name: 'api_key',
      scheme: 'ApiKeyQuery',
      keys: { b: KEY_B },
    })
    const app = appWith(anyOf(header, query))
    const both = (h: string, q: string) =>
      app.request(`/?api_key=${q}`, { headers: { 'x-api-key': h } })
    expect(await (await both(KEY_A, 'wrong-0123456789abcdef')).json()).toEqual({ name: 'a' })
    expect((await both('wrong-0123456789abcdef', KEY_B)).status).toBe(401)
    expect(await (await app.request(`/?api_key=${KEY_B}`)).json()).toEqual({ name: 'b' })
  })

  it('leaves a repeated query key to request validation (422), never authenticating it', async () => {
    const app = appWith(apiKey({ in: 'query', name: 'api_key', keys: { a: KEY_A } }))
    const response = await app.request(`/?api_key=${KEY_A}&api_key=${KEY_A}`)
    expect(response.status).toBe(422)
  })

  it('refuses short keys, bad names and missing keys when created', () => {
    expect(() => apiKey({ in: 'header', name: 'x-api-key', keys: { a: 'short' } })).toThrow(
      "apiKey: key 'a' must be a string of at least 16 bytes",
    )
    expect(() => apiKey({ in: 'header', name: 'x api key', keys: { a: KEY_A } })).toThrow(
      "apiKey: 'x api key' is not a valid headers name",
    )
    expect(() => apiKey({ in: 'header', name: 'x-api-key', keys: {} })).toThrow(
      "'keys' lists no key",
    )
  })
})

/** Tests that the `validator` middleware leaves the body it read to the handler's `c.req`. */
import { Hono } from 'hono'
import * as v from 'valibot'
import { describe, expect, test } from 'vitest'
import { validator } from './validator.ts'

const json = { 'content-type': 'application/json' }

describe('validator (Hono middleware) and the body in the handler', () => {
  test('c.req.json(), text() and arrayBuffer() give the body the validator read', async () => {
    const app = new Hono().post('/items', validator({ body: { name: v.string() } }), async (c) => {
      const raw = await c.req.json()
      const text = await c.req.text()
      const bytes = await c.req.arrayBuffer()
      return c.json({ valid: c.req.valid('json'), raw, text, size: bytes.byteLength })
    })
    const body = JSON.stringify({ name: 'pen', extra: 1 })
    const response = await app.request('/items', { method: 'POST', body, headers: json })
    expect(response.status).toBe(200)
    expect(await response.json()).toEqual({
      valid: { name: 'pen' },
      raw: { name: 'pen', extra: 1 },
      text: body,
      size: body.length,
    })
  })

  test('a chunked body (no Content-Length) reaches c.req.json() too', async () => {
    const app = new Hono().post('/items', validator({ body: { name: v.string() } }), async (c) =>
      c.json(await c.req.json()),
    )
    const chunks = ['{"na', 'me":"pen"}']
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        const chunk = chunks.shift()
        if (chunk === undefined) controller.close()
        else controller.enqueue(new TextEncoder().encode(chunk))
      },
    })
    const request = new Request('http://localhost/items', {
      method: 'POST',
      body,
      headers: json,
      duplex: 'half',
    } as RequestInit)
    const response = await app.request(request)
    expect(response.status).toBe(200)
    expect(await response.json()).toEqual({ name: 'pen' })
  })

  test('c.req.parseBody() and formData() give the urlencoded form the validator read', async () => {
    const app = new Hono().post(
      '/login',
      validator({ body: { user: v.string() }, bodyType: 'form' }),
      async (c) => {
        const parsed = await c.req.parseBody()
        const form = await c.req.formData()
        return c.json({ valid: c.req.valid('form'), parsed, remember: form.get('remember') })
      },
    )
    const response = await app.request('/login', {
      method: 'POST',
      body: new URLSearchParams({ user: 'ann', remember: 'yes' }),
    })
    expect(response.status).toBe(200)
    expect(await response.json()).toEqual({
      valid: { user: 'ann' },
      parsed: { user: 'ann', remember: 'yes' },
      remember: 'yes',
    })
  })

  test('c.req.parseBody() gives a multipart form with its file', async () => {
    const app = new Hono().post(
      '/upload',
      validator({ body: { title: v.string() }, bodyType: 'multipart' }),
      async (c) => {
        const { title, file } = await c.req.parseBody()
        return c.json({ title, file: file instanceof File ? await file.text() : null })
      },
    )
    const form = new FormData()
    form.set('title', 'notes')
    form.set('file', new File(['hello'], 'a.txt', { type: 'text/plain' }))
    const response = await app.request('/upload', { method: 'POST', body: form })
    expect(response.status).toBe(200)
    expect(await response.json()).toEqual({ title: 'notes', file: 'hello' })
  })

  test('a route without a body schema leaves the body to the handler untouched', async () => {
    const app = new Hono().post('/raw', validator({ query: { q: v.string() } }), async (c) =>
      c.text(await c.req.text()),
    )
    const response = await app.request('/raw?q=1', { method: 'POST', body: 'as sent' })
    expect(response.status).toBe(200)
    expect(await response.text()).toBe('as sent')
  })
})

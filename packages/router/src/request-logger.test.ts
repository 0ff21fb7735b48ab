import * as v from 'valibot'
import { describe, expect, it } from 'vitest'
import { createApp } from './create-app.ts'
import { formatRequestLog, logRequests, requestLogger } from './request-logger.ts'
import { get } from './route.ts'

const routes = [
  get('/items/{id}', { params: { id: v.string() } }, () => ({ ok: true })),
  get('/boom', {}, () => {
    throw new Error('boom')
  }),
]

function appWithLog(format?: 'plain' | 'json') {
  const lines: string[] = []
  const app = createApp({
    routes,
    middleware: [
      requestLogger({ write: (line) => lines.push(line), ...(format ? { format } : {}) }),
    ],
    onError: () => {},
  })
  return { app, lines }
}

describe('requestLogger', () => {
  it('writes one plain line per request with method, path without query, status and id', async () => {
    const { app, lines } = appWithLog()
    const res = await app.request('/items/1?token=secret', { headers: { 'x-request-id': 'abc-1' } })
    expect(res.status).toBe(200)
    expect(res.headers.get('x-request-id')).toBe('abc-1')
    expect(lines).toHaveLength(1)
    expect(lines[0]).toMatch(/^GET \/items\/1 200 \d+(\.\d)?ms id=abc-1$/)
  })

  it('logs the 500 of a failing route and a 404', async () => {
    const { app, lines } = appWithLog()
    expect((await app.request('/boom')).status).toBe(500)
    expect((await app.request('/nope')).status).toBe(404)
    expect(lines[0]).toMatch(/^GET \/boom 500 /)
    expect(lines[1]).toMatch(/^GET \/nope 404 /)
  })

  it('writes JSON lines, and replaces an id that could break a log line with a UUID', async () => {
    const { app, lines } = appWithLog('json')
    const res = await app.request('/items/2', { headers: { 'x-request-id': 'a b\u0007' } })
    const entry = JSON.parse(lines[0]!)
    expect(entry).toMatchObject({ method: 'GET', path: '/items/2', status: 200 })
    expect(entry.request_id).toMatch(/^[0-9a-f-]{36}$/)
    expect(res.headers.get('x-request-id')).toBe(entry.request_id)
    expect(typeof entry.duration_ms).toBe('number')
    expect(Number.isNaN(Date.parse(entry.time))).toBe(false)
  })
})

describe('logRequests', () => {
  it('wraps a fetch, copying an immutable response to add the id', async () => {
    const lines: string[] = []
    const immutable = await globalThis.fetch('data:text/plain,hi') // fetch's headers are immutable
    const fetch = logRequests(async (_request: Request) => immutable, {
      write: (line) => lines.push(line),
    })
    const res = await fetch(new Request('http://x/a#frag'))
    expect(res).not.toBe(immutable)
    expect(res.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/)
    expect(lines[0]).toMatch(/^GET \/a 200 /)
    expect(await res.text()).toBe('hi')
  })

  it('logs a thrown error as 500 and rethrows it', async () => {
    const lines: string[] = []
    const fetch = logRequests(
      async (_request: Request) => {
        throw new Error('down')
      },
      { write: (line) => lines.push(line), requestIdHeader: false },
    )
    await expect(fetch(new Request('http://x/'))).rejects.toThrow('down')
    expect(lines[0]).toMatch(/^GET \/ 500 \d+(\.\d)?ms id=[0-9a-f-]{36}$/)
  })

  it('formats plain entries with one decimal', () => {
    const entry = { method: 'POST', path: '/a', status: 201, durationMs: 1.26, requestId: 'r' }
    expect(formatRequestLog(entry, 'plain')).toBe('POST /a 201 1.3ms id=r')
  })
})

import type { Context } from 'hono'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { clientAddress, forwardedClientAddress } from './client-address.ts'

/** The parts of a Hono context the functions read. */
const contextOf = (env: unknown, headers: Record<string, string> = {}) => {
  const raw = new Request('http://localhost/token', { headers })
  return {
    env,
    req: { raw, header: (name: string) => raw.headers.get(name) },
  } as unknown as Context
}

afterEach(() => {
  vi.unstubAllGlobals()
})

describe('clientAddress', () => {
  it("reads each runtime's peer address from c.env", () => {
    const node = { incoming: { socket: { remoteAddress: '::ffff:203.0.113.7' } } }
    expect(clientAddress(contextOf(node))).toBe('::ffff:203.0.113.7')
    const request = contextOf(undefined).req.raw
    const bun = { requestIP: (asked: Request) => (asked ? { address: '198.51.100.2' } : null) }
    expect(clientAddress({ ...contextOf(bun), req: { raw: request } } as Context)).toBe(
      '198.51.100.2',
    )
    const deno = { remoteAddr: { hostname: '192.0.2.9', port: 5123, transport: 'tcp' } }
    expect(clientAddress(contextOf(deno))).toBe('192.0.2.9')
  })

  it('trusts no header, unless the runtime is Cloudflare Workers (its edge sets CF-Connecting-IP)', () => {
    const headers = { 'x-forwarded-for': '1.1.1.1', 'cf-connecting-ip': '2.2.2.2' }
    expect(clientAddress(contextOf({}, headers))).toBeUndefined()
    vi.stubGlobal('navigator', { userAgent: 'Cloudflare-Workers' })
    expect(clientAddress(contextOf({ DB: {} }, headers))).toBe('2.2.2.2')
  })
})

describe('forwardedClientAddress', () => {
  const header = (value: string) => contextOf(undefined, { 'x-forwarded-for': value })

  it('takes the entry the trusted proxies wrote, not what the client wrote before them', () => {
    expect(forwardedClientAddress()(header('6.6.6.6, 203.0.113.7'))).toBe('203.0.113.7')
    expect(forwardedClientAddress({ proxies: 2 })(header('6.6.6.6, 203.0.113.7, 10.0.0.2'))).toBe(
      '203.0.113.7',
    )
  })

  it('gives no address when the request passed fewer proxies than trusted', () => {
    expect(forwardedClientAddress({ proxies: 2 })(header('203.0.113.7'))).toBeUndefined()
    expect(forwardedClientAddress()(contextOf(undefined))).toBeUndefined()
  })

  it('reads another header when told', () => {
    const read = forwardedClientAddress({ header: 'x-real-ip' })
    expect(read(contextOf(undefined, { 'x-real-ip': '203.0.113.7' }))).toBe('203.0.113.7')
  })

  it('refuses fewer than one proxy', () => {
    expect(() => forwardedClientAddress({ proxies: 0 })).toThrow(
      "forwardedClientAddress: 'proxies' must be 1 or more, got 0",
    )
  })
})

import { describe, expect, it } from 'vitest'
import { isResponse } from './is-response.ts'

describe('isResponse', () => {
  it('knows a Response from the global class or any subclass, and nothing else', () => {
    const Original = globalThis.Response
    class Swapped extends Original {}
    expect(isResponse(Original.json({ a: 1 }))).toBe(true)
    expect(isResponse(new Swapped('x'))).toBe(true)
    expect(Original.json({}) instanceof Swapped).toBe(false)
    expect(isResponse({ status: 200, body: null })).toBe(false)
    expect(isResponse(undefined)).toBe(false)
  })

  it('knows a Response of the original class while the global is swapped (@hono/node-server)', () => {
    const Original = globalThis.Response
    class Swapped extends Original {}
    globalThis.Response = Swapped
    try {
      expect(isResponse(Original.json({ a: 1 }))).toBe(true)
      expect(isResponse({ [Symbol.toStringTag]: 'Other' })).toBe(false)
      expect(isResponse(Object.create(null))).toBe(false)
    } finally {
      globalThis.Response = Original
    }
  })
})

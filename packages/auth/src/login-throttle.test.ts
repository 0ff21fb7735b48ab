import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { type LoginThrottleStore, loginThrottle, memoryThrottleStore } from './login-throttle.ts'

const START = Date.UTC(2026, 0, 1)
const MINUTE = 60_000

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['Date'] })
  vi.setSystemTime(START)
})
afterEach(() => {
  vi.useRealTimers()
})

describe('memoryThrottleStore', () => {
  it('counts in a window, then opens a new one once it has ended', async () => {
    const store = memoryThrottleStore()
    expect(await store.increment('k', MINUTE)).toEqual({ count: 1, resetAt: START + MINUTE })
    vi.setSystemTime(START + MINUTE - 1)
    expect(await store.increment('k', MINUTE)).toEqual({ count: 2, resetAt: START + MINUTE })
    vi.setSystemTime(START + MINUTE)
    expect(await store.increment('k', MINUTE)).toEqual({ count: 1, resetAt: START + 2 * MINUTE })
  })

  it('takes an attempt back and forgets a key', async () => {
    const store = memoryThrottleStore()
    store.increment('k', MINUTE)
    store.increment('k', MINUTE)
    store.decrement('k')
    expect((await store.increment('k', MINUTE)).count).toBe(2)
    store.reset('k')
    expect((await store.increment('k', MINUTE)).count).toBe(1)
  })

  it('keeps at most maxKeys keys, dropping the least recently counted', async () => {
    const store = memoryThrottleStore({ maxKeys: 2 })
    store.increment('a', MINUTE)
    store.increment('b', MINUTE)
    store.increment('a', MINUTE) // a is now the most recent
    store.increment('c', MINUTE) // evicts b
    expect((await store.increment('a', MINUTE)).count).toBe(3)
    expect((await store.increment('b', MINUTE)).count).toBe(1)
  })

  it('refuses a maxKeys that bounds nothing', () => {
    expect(() => memoryThrottleStore({ maxKeys: 0 })).toThrow(
      "memoryThrottleStore: 'maxKeys' must be 1 or more, got 0",
    )
  })
})

describe('loginThrottle', () => {
  it('lets maxPerUsername attempts through, then refuses until the window ends', async () => {
    const { check } = loginThrottle({ maxPerUsername: 3, windowSeconds: 600 })
    for (let index = 0; index < 3; index++) {
      expect(await check('alice', undefined)).toHaveProperty('attempt')
    }
    expect(await check('alice', undefined)).toEqual({ refused: 600 })
    vi.setSystemTime(START + 599_001)
    expect(await check('alice', undefined)).toEqual({ refused: 1 })
    expect(await check('bob', undefined)).toHaveProperty('attempt')
    vi.setSystemTime(START + 600_000)
    expect(await check('alice', undefined)).toHaveProperty('attempt')
  })

  it('counts case and Unicode variants of a username as one', async () => {
    const { check } = loginThrottle({ maxPerUsername: 2 })
    await check('Alice', undefined)
    await check('ALICE', undefined)
    // U+FF21: the fullwidth A, NFKC-equal to A.
    expect(await check('\uFF21lice', undefined)).toEqual({ refused: 900 })
  })

  it("forgets a username's failures when it signs in", async () => {
    const { check } = loginThrottle({ maxPerUsername: 2 })
    await check('alice', undefined)
    const outcome = await check('alice', undefined)
    if (!('attempt' in outcome)) throw new Error('expected an attempt')
    await outcome.attempt.succeeded()
    expect(await check('alice', undefined)).toHaveProperty('attempt')
    expect(await check('alice', undefined)).toHaveProperty('attempt')
    expect(await check('alice', undefined)).toEqual({ refused: 900 })
  })

  it('throttles an address trying many usernames, and not other addresses', async () => {
    const { check } = loginThrottle({ maxPerAddress: 2 })
    expect(await check('a', '203.0.113.7')).toHaveProperty('attempt')
    expect(await check('b', '203.0.113.7')).toHaveProperty('attempt')
    expect(await check('c', '203.0.113.7')).toEqual({ refused: 900 })
    expect(await check('d', '198.51.100.1')).toHaveProperty('attempt')
  })

  it("takes back the address's count of a success, so signing in does not use it up", async () => {
    const { check } = loginThrottle({ maxPerAddress: 1 })
    for (const user of ['a', 'b', 'c']) {
      const outcome = await check(user, '203.0.113.7')
      if (!('attempt' in outcome)) throw new Error(`expected an attempt for ${user}`)
      await outcome.attempt.succeeded()
    }
  })

  it('takes an attempt back on undo (the user check failed for another reason)', async () => {
    const { check } = loginThrottle({ maxPerUsername: 1, maxPerAddress: 1 })
    for (let index = 0; index < 3; index++) {
      const outcome = await check('alice', '203.0.113.7')
      if (!('attempt' in outcome)) throw new Error('expected an attempt')
      await outcome.attempt.undo()
    }
  })

  it('lets no more than the limit through when attempts arrive at once', async () => {
    const { check } = loginThrottle({ maxPerUsername: 5 })
    const outcomes = await Promise.all(Array.from({ length: 20 }, () => check('alice', undefined)))
    expect(outcomes.filter((outcome) => 'attempt' in outcome)).toHaveLength(5)
  })

  it('counts in the store it is given', async () => {
    const calls: string[] = []
    const counts = new Map<string, number>()
    const store: LoginThrottleStore = {
      async increment(key, windowMs) {
        calls.push(`increment ${key} ${windowMs}`)
        counts.set(key, (counts.get(key) ?? 0) + 1)
        return { count: counts.get(key)!, resetAt: Date.now() + windowMs }
      },
      async decrement(key) {
        calls.push(`decrement ${key}`)
      },
      async reset(key) {
        calls.push(`reset ${key}`)
      },
    }
    const { check } = loginThrottle({ store, windowSeconds: 60 })
    const outcome = await check('Alice', '::1')
    if (!('attempt' in outcome)) throw new Error('expected an attempt')
    await outcome.attempt.succeeded()
    expect(calls).toEqual([
      'increment user:alice 60000',
      'increment address:::1 60000',
      'reset user:alice',
      'decrement address:::1',
    ])
  })

  it('refuses limits that are not whole numbers of 1 or more', () => {
    expect(() => loginThrottle({ maxPerUsername: 0 })).toThrow(
      "tokenRoute throttle: 'maxPerUsername' must be a whole number of 1 or more, got 0",
    )
    expect(() => loginThrottle({ windowSeconds: 1.5 })).toThrow("'windowSeconds'")
  })
})

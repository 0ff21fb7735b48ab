/**
 * The token endpoint's throttle on failed logins: per username and per client address, counted in
 * a store (in memory by default, bounded; shared ones for several processes), refused with 429
 * and `Retry-After` once either has failed too often in its window.
 */
import { type ClientAddress, clientAddress } from './client-address.ts'

/** An open counting window of one key. */
export interface ThrottleWindow {
  /** Attempts counted in this window, this one included. */
  readonly count: number
  /** When the window ends, in milliseconds since the epoch. */
  readonly resetAt: number
}

/**
 * Where the counts live. Each operation may be async (Redis: `INCR` + `PEXPIRE`, `DECR`, `DEL`;
 * Workers: a Durable Object). `increment` must be atomic for the limit to hold under concurrency.
 */
export interface LoginThrottleStore {
  /** Counts one attempt for `key`, opening a window of `windowMs` when none is open. */
  increment(key: string, windowMs: number): ThrottleWindow | Promise<ThrottleWindow>
  /** Takes one attempt back (a login that succeeded, for the address's count). */
  decrement(key: string): void | Promise<void>
  /** Forgets `key` (the user signed in). */
  reset(key: string): void | Promise<void>
}

export interface LoginThrottleOptions {
  /** Failed logins allowed per username in a window (default 5). */
  readonly maxPerUsername?: number
  /** Failed logins allowed per client address in a window (default 30: offices share addresses). */
  readonly maxPerAddress?: number
  /** The window, in seconds (default 900: 15 minutes). */
  readonly windowSeconds?: number
  /** Where counts are kept (default `memoryThrottleStore()`: one process only). */
  readonly store?: LoginThrottleStore
  /**
   * The request's client address (default `clientAddress`: the socket's peer; behind a proxy,
   * `forwardedClientAddress(...)`). When it returns `undefined`, only the username is counted.
   */
  readonly clientAddress?: ClientAddress
}

export interface MemoryThrottleStoreOptions {
  /** Most keys kept (default 10,000); the least recently counted goes first. */
  readonly maxKeys?: number
}

/**
 * Counts in this process's memory, at most `maxKeys` keys (each under ~300 bytes): a flood of
 * distinct usernames evicts old counts rather than growing without bound.
 *
 * @example
 * oauth2.tokenRoute({ authenticate, throttle: { store: memoryThrottleStore({ maxKeys: 50_000 }) } })
 */
export function memoryThrottleStore(options: MemoryThrottleStoreOptions = {}): LoginThrottleStore {
  const maxKeys = options.maxKeys ?? 10_000
  if (!Number.isSafeInteger(maxKeys) || maxKeys < 1) {
    throw new TypeError(`memoryThrottleStore: 'maxKeys' must be 1 or more, got ${maxKeys}`)
  }
  const windows = new Map<string, { count: number; resetAt: number }>()
  return {
    increment(key, windowMs) {
      const now = Date.now()
      const open = windows.get(key)
      windows.delete(key) // re-inserted last: the Map's order is least recently counted first
      const window =
        open && open.resetAt > now
          ? { count: open.count + 1, resetAt: open.resetAt }
          : { count: 1, resetAt: now + windowMs }
      if (windows.size >= maxKeys) windows.delete(windows.keys().next().value!)
      windows.set(key, window)
      return window
    },
    decrement(key) {
      const open = windows.get(key)
      if (open && open.count > 0) open.count--
    },
    reset(key) {
      windows.delete(key)
    },
  }
}

/** How a login attempt let through ended, for its counts. */
export interface ThrottledAttempt {
  /** Signed in: the username's count is forgotten, the address's attempt taken back. */
  succeeded(): Promise<void>
  /** Neither success nor a wrong password (the user check threw): the attempt is taken back. */
  undo(): Promise<void>
}

/** Counts an attempt: `refused` is the seconds to wait, else the attempt to report on. */
export type LoginThrottle = (
  username: string,
  address: string | undefined,
) => Promise<{ refused: number } | { attempt: ThrottledAttempt }>

/**
 * The throttle. Each attempt is counted before the password is checked, so concurrent guesses
 * cannot all slip under the limit; a wrong password leaves its count, a success takes it back.
 */
export function loginThrottle(options: LoginThrottleOptions = {}): {
  check: LoginThrottle
  clientAddress: ClientAddress
} {
  const where = 'tokenRoute throttle'
  const maxPerUsername = positive(options.maxPerUsername ?? 5, `${where}: 'maxPerUsername'`)
  const maxPerAddress = positive(options.maxPerAddress ?? 30, `${where}: 'maxPerAddress'`)
  const windowMs = positive(options.windowSeconds ?? 900, `${where}: 'windowSeconds'`) * 1000
  const store = options.store ?? memoryThrottleStore()
  const check: LoginThrottle = async (username, address) => {
    // Case and Unicode variants of one name are one name; keys are bounded in length.
    const userKey = `user:${username.normalize('NFKC').toLowerCase().slice(0, 256)}`
    const addressKey = address === undefined ? undefined : `address:${address.slice(0, 64)}`
    const [user, client] = await Promise.all([
      store.increment(userKey, windowMs),
      addressKey === undefined ? undefined : store.increment(addressKey, windowMs),
    ])
    const now = Date.now()
    const wait = Math.max(
      user.count > maxPerUsername ? user.resetAt - now : 0,
      client && client.count > maxPerAddress ? client.resetAt - now : 0,
    )
    if (wait > 0) return { refused: Math.max(1, Math.ceil(wait / 1000)) }
    const takeBackAddress = () =>
      addressKey === undefined ? undefined : store.decrement(addressKey)
    return {
      attempt: {
        async succeeded() {
          await Promise.all([store.reset(userKey), takeBackAddress()])
        },
        async undo() {
          await Promise.all([store.decrement(userKey), takeBackAddress()])
        },
      },
    }
  }
  return { check, clientAddress: options.clientAddress ?? clientAddress }
}

function positive(value: number, name: string): number {
  if (!Number.isSafeInteger(value) || value < 1) {
    throw new TypeError(`${name} must be a whole number of 1 or more, got ${value}`)
  }
  return value
}

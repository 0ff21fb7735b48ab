/**
 * S5, the work behind `GET /me`: settings made once, a pooled connection released after use, a
 * session read from a header, a user looked up, an account view built. Both S5 apps do exactly
 * these steps, one through a chain of dependencies, one inline in the handler.
 */
import { HTTPException } from '@brisk/router'
import * as v from 'valibot'

/** The `x-session` header: `s-<user id>`. */
export const SessionToken = v.pipe(v.string(), v.startsWith('s-'), v.maxLength(40))

export interface User {
  id: number
  name: string
  orders: number
}

/** A pretend database connection: lookups answer from memory, `user` as a driver would (async). */
export interface Connection {
  session(token: string): { userId: number } | undefined
  user(id: number): Promise<User>
}

/** Counts connections out of the pool, so a check can prove each one is released. */
export interface Pool {
  readonly open: number
  readonly acquired: number
  acquire(): Promise<Connection>
  release(connection: Connection): void
}

/** App-wide state: made once per app. */
export interface Settings {
  currency: string
  goldAfter: number
  pool: Pool
}

const connection: Connection = {
  session(token) {
    const userId = Number(token.slice(2))
    return Number.isInteger(userId) && userId > 0 ? { userId } : undefined
  },
  user: async (id) => ({ id, name: `user${id}`, orders: id % 50 }),
}

function createPool(): Pool {
  let open = 0
  let acquired = 0
  return {
    get open() {
      return open
    },
    get acquired() {
      return acquired
    },
    acquire: async () => {
      open++
      acquired++
      return connection
    },
    release: () => {
      open--
    },
  }
}

/** Step 1 (app scope). */
export function createSettings(): Settings {
  return { currency: 'EUR', goldAfter: 10, pool: createPool() }
}

/** Step 3: the session behind a token, or 401. */
export function sessionOf(connection: Connection, token: string) {
  const session = connection.session(token)
  if (!session) throw new HTTPException(401, 'Invalid session')
  return session
}

/** Step 5: what `GET /me` answers. */
export function accountView(user: User, settings: Settings) {
  return {
    id: user.id,
    name: user.name,
    currency: settings.currency,
    tier: user.orders > settings.goldAfter ? 'gold' : 'basic',
  }
}

/** A check for the contract: every connection taken from the pool was given back. */
export function poolCheck(settings: () => Settings | undefined) {
  return () => {
    const pool = settings()?.pool
    if (!pool || pool.acquired === 0) return 'no connection was taken from the pool'
    if (pool.open !== 0) return `${pool.open} connection(s) not released after the response`
    return undefined
  }
}

/** The repository's user functions. */
import { type Kysely, sql } from 'kysely'
import { Conflict, type UniqueUserField, violatedColumns } from '../conflict.ts'
import type { Database, UserRow } from '../schema.ts'

/** A user as the routes see it. */
export interface User {
  id: number
  username: string
  email: string
  fullName: string | null
  scopes: string[]
  isAdmin: boolean
  passwordHash: string
}

/** What `createUser` takes. `scopes` must not contain whitespace (they are stored space-separated). */
export interface NewUser {
  username: string
  email: string
  fullName?: string | null | undefined
  passwordHash: string
  scopes?: readonly string[] | undefined
  isAdmin?: boolean | undefined
}

function toUser(row: UserRow): User {
  return {
    id: row.id,
    username: row.username,
    email: row.email,
    fullName: row.full_name,
    scopes: row.scopes.split(' ').filter((scope) => scope !== ''),
    isAdmin: row.is_admin === 1,
    passwordHash: row.password_hash,
  }
}

function joinScopes(scopes: readonly string[]): string {
  const bad = scopes.find((scope) => scope === '' || /\s/.test(scope))
  if (bad !== undefined)
    throw new TypeError(`Invalid scope ${JSON.stringify(bad)}: empty or spaced`)
  return scopes.join(' ')
}

/** The unique user field a database error says was taken, if it is one. */
function takenField(error: unknown): UniqueUserField | undefined {
  for (const column of violatedColumns(error)) {
    if (column === 'users.username') return 'username'
    if (column === 'users.email') return 'email'
  }
  return undefined
}

export function userQueries(db: Kysely<Database>) {
  const selectUsers = () => db.selectFrom('users').selectAll()

  return {
    /** Adds a user; a taken username or email throws `Conflict` with that `field`. */
    async createUser(user: NewUser): Promise<User> {
      const values = {
        username: user.username,
        email: user.email,
        full_name: user.fullName ?? null,
        password_hash: user.passwordHash,
        scopes: joinScopes(user.scopes ?? []),
        is_admin: user.isAdmin ? 1 : 0,
      } as const
      try {
        const row = await db.insertInto('users').values(values).returningAll().executeTakeFirst()
        return toUser(row!)
      } catch (error) {
        const field = takenField(error)
        if (field) throw new Conflict(field, { cause: error })
        throw error
      }
    },

    async userByUsername(username: string): Promise<User | undefined> {
      const row = await selectUsers().where('username', '=', username).executeTakeFirst()
      return row && toUser(row)
    },

    async userById(id: number): Promise<User | undefined> {
      const row = await selectUsers().where('id', '=', id).executeTakeFirst()
      return row && toUser(row)
    },

    /** Makes a user an admin (or not); `undefined` when there is no such user. */
    async setAdmin(username: string, isAdmin: boolean): Promise<User | undefined> {
      // Raw: Kysely's types make the defaulted flag read-only on update.
      await sql`update users set is_admin = ${isAdmin ? 1 : 0} where username = ${username}`.execute(
        db,
      )
      const row = await selectUsers().where('username', '=', username).executeTakeFirst()
      return row && toUser(row)
    },
  }
}

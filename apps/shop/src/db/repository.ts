/**
 * The shop's data access: plain async functions over a `Kysely<Database>`, the same on every
 * driver. Multi-statement writes run in one transaction written so that D1 can run it as a batch
 * (see internal/atomically.ts).
 */
import { type Kysely, sql } from 'kysely'
import { imageQueries } from './repository/images.ts'
import { itemQueries } from './repository/items.ts'
import { userQueries } from './repository/users.ts'
import type { Database } from './schema.ts'

export { Conflict, isUniqueViolation, type UniqueUserField } from './conflict.ts'
export type { Image, NewImage } from './repository/images.ts'
export type { Item, ItemChanges, ItemPage, ListItemsOptions, NewItem } from './repository/items.ts'
export type { NewUser, User } from './repository/users.ts'

export interface Stats {
  users: number
  items: number
}

/**
 * The functions the routes call, bound to `db`.
 *
 * @example
 * const shop = repository(db)
 * const ada = await shop.createUser({ username: 'ada', email: 'ada@example.com', passwordHash })
 * const lamp = await shop.createItem(ada.id, { name: 'Lamp', price: 12.5, tags: ['home'] })
 */
export function repository(db: Kysely<Database>) {
  return {
    ...userQueries(db),
    ...itemQueries(db),
    ...imageQueries(db),

    /** How many users and items there are (one round trip). */
    async stats(): Promise<Stats> {
      const row = await db
        .selectNoFrom((eb) => [
          eb.selectFrom('users').select(eb.fn.countAll<number>().as('n')).as('users'),
          eb.selectFrom('items').select(eb.fn.countAll<number>().as('n')).as('items'),
        ])
        .executeTakeFirstOrThrow()
      return { users: Number(row.users), items: Number(row.items) }
    },

    /** One round trip to the database (`select 1`), for health checks. */
    async ping(): Promise<void> {
      await sql`select 1`.execute(db)
    },
  }
}

/** What `repository(db)` returns. */
export type Repository = ReturnType<typeof repository>

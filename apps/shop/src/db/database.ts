/** `database`: the shop's Kysely instance, migrated at startup and destroyed at shutdown. */
import { dependency } from '@brisk/router'
import { Kysely } from 'kysely'
import { dialect } from './dialect.ts'
import { migrate } from './migrations.ts'
import type { Database } from './schema.ts'

/**
 * The app-scoped `Kysely<Database>`, on whatever `dialect` the entry point chose. Made on first
 * use: it runs the pending migrations (a failure throws a `MigrationError` naming the migration),
 * then is shared by every request; `app.shutdown()` destroys it (closing the connection).
 *
 * @example
 * get('/stats', { deps: { db: database } }, ({ deps }) => repository(deps.db).stats())
 */
export const database = dependency(
  { scope: 'app', name: 'database', uses: { dialect } },
  async function* database({ dialect }) {
    const db = new Kysely<Database>({ dialect })
    try {
      await migrate(db)
      yield db
    } finally {
      await db.destroy()
    }
  },
)

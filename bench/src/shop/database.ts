/**
 * The database both S7/S8 servers run on: one libsql connection to a SQLite file behind Kysely's
 * own `SqliteDialect`, opened the way the shop's Node driver opens it (`sqlite-node.ts`: WAL,
 * foreign keys, busy timeout, `synchronous = NORMAL`), so Brisk and Fastify pay the same driver.
 */
import { type Dialect, SqliteDialect } from 'kysely'
import Database from 'libsql'

/** The shop's PRAGMAs (`apps/shop/src/db/sqlite-file.ts`, not exported by `@brisk/shop`). */
const pragmas = [
  'PRAGMA journal_mode = WAL',
  'PRAGMA foreign_keys = ON',
  'PRAGMA busy_timeout = 5000',
  'PRAGMA synchronous = NORMAL',
]

/** Opens `path` with the shop's settings; `onPrepare` hears every statement's SQL (tests). */
export function openShopDatabase(
  path: string,
  onPrepare?: (sql: string) => void,
): Database.Database {
  const db = new Database(path)
  for (const pragma of pragmas) db.exec(pragma)
  if (onPrepare) {
    const prepare = db.prepare.bind(db)
    db.prepare = (sql: string) => {
      onPrepare(sql)
      return prepare(sql)
    }
  }
  return db
}

/** A Kysely dialect on one libsql connection to `path`, opened when Kysely first connects. */
export function shopDialect(path: string, onPrepare?: (sql: string) => void): Dialect {
  return new SqliteDialect({ database: async () => openShopDatabase(path, onPrepare) })
}

/**
 * Node's SQLite driver (adapter: native module): `libsql`, better-sqlite3's API with prebuilt
 * binaries, behind Kysely's own `SqliteDialect`. See README.md for why libsql.
 */
import { dependency } from '@brisk/router'
import { type Dialect, SqliteDialect } from 'kysely'
import Database from 'libsql'
import { configureConnection, defaultDatabasePath, ensureDirectory } from './sqlite-file.ts'

/**
 * A Kysely dialect on one libsql connection to `path` (`./data/shop.db` by default, its directory
 * created; `':memory:'` for tests). The file is opened when Kysely first connects.
 */
export function sqliteNodeDialect(path: string = defaultDatabasePath): Dialect {
  return new SqliteDialect({
    database: async () => {
      ensureDirectory(path)
      const db = new Database(path)
      configureConnection(db)
      return db
    },
  })
}

/**
 * `sqliteNodeDialect(path)` as the dependency the Node entry overrides `dialect` with.
 *
 * @example
 * app.override(dialect, sqliteNode('./data/shop.db'))
 */
export function sqliteNode(path?: string) {
  return dependency({ scope: 'app', name: 'dialect (libsql)' }, () => sqliteNodeDialect(path))
}

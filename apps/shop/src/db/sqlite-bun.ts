/**
 * Bun's SQLite driver (adapter: `bun:sqlite`). Bun's `Database` already has what Kysely's
 * `SqliteDialect` asks of a database (`prepare` → a statement with `reader`, `all`, `run`,
 * `iterate`, taking the parameters as one array), so it is passed straight in.
 */
import { Database } from 'bun:sqlite'
import { dependency } from '@brisk/router'
import { type Dialect, SqliteDialect } from 'kysely'
import { configureConnection, defaultDatabasePath, ensureDirectory } from './sqlite-file.ts'

/**
 * A Kysely dialect on one `bun:sqlite` connection to `path` (`./data/shop.db` by default, its
 * directory created; `':memory:'` for tests). The file is opened when Kysely first connects.
 */
export function sqliteBunDialect(path: string = defaultDatabasePath): Dialect {
  return new SqliteDialect({
    database: async () => {
      ensureDirectory(path)
      const db = new Database(path, { create: true, readwrite: true })
      configureConnection(db)
      return db
    },
  })
}

/**
 * `sqliteBunDialect(path)` as the dependency the Bun entry overrides `dialect` with.
 *
 * @example
 * app.override(dialect, sqliteBun('./data/shop.db'))
 */
export function sqliteBun(path?: string) {
  return dependency({ scope: 'app', name: 'dialect (bun:sqlite)' }, () => sqliteBunDialect(path))
}

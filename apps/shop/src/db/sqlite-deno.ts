/**
 * Deno's SQLite driver (adapter: `node:sqlite`, built into Deno 2). Its `DatabaseSync` differs
 * from what Kysely's `SqliteDialect` expects in two ways, both bridged here: statements take
 * parameters spread rather than as one array, and have no `reader` flag (a statement returns
 * rows when it has result columns, as `columns()` tells).
 */
import { DatabaseSync, type SqliteValue } from 'node:sqlite'
import { dependency } from '@brisk/router'
import { type Dialect, type SqliteDatabase, SqliteDialect } from 'kysely'
import { configureConnection, defaultDatabasePath, ensureDirectory } from './sqlite-file.ts'

/** `DatabaseSync` seen through the interface Kysely's `SqliteDialect` drives. */
export function adaptDatabaseSync(db: DatabaseSync): SqliteDatabase {
  return {
    close: () => db.close(),
    prepare(sql) {
      const statement = db.prepare(sql)
      const values = (parameters: ReadonlyArray<unknown>) => parameters as SqliteValue[]
      return {
        reader: statement.columns().length > 0,
        all: (parameters) => statement.all(...values(parameters)),
        run: (parameters) => statement.run(...values(parameters)),
        iterate: (parameters) => statement.iterate(...values(parameters)),
      }
    },
  }
}

/**
 * A Kysely dialect on one `node:sqlite` connection to `path` (`./data/shop.db` by default, its
 * directory created; `':memory:'` for tests). The file is opened when Kysely first connects.
 */
export function sqliteDenoDialect(path: string = defaultDatabasePath): Dialect {
  return new SqliteDialect({
    database: async () => {
      ensureDirectory(path)
      const db = new DatabaseSync(path)
      configureConnection(db)
      return adaptDatabaseSync(db)
    },
  })
}

/**
 * `sqliteDenoDialect(path)` as the dependency the Deno entry overrides `dialect` with.
 *
 * @example
 * app.override(dialect, sqliteDeno('./data/shop.db'))
 */
export function sqliteDeno(path?: string) {
  return dependency({ scope: 'app', name: 'dialect (node:sqlite)' }, () => sqliteDenoDialect(path))
}

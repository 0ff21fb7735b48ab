/** `dialect`: the one dependency each entry point overrides to pick the runtime's SQLite driver. */
import { dependency } from '@brisk/router'
import type { Dialect } from 'kysely'

/**
 * The Kysely dialect the shop's database runs on. It has no default: each entry point overrides
 * it with its runtime's driver (`sqliteNode()`, `sqliteBun()`, `sqliteDeno()`, `d1()`), and a test
 * with whatever it likes.
 *
 * @example
 * import { sqliteNode } from './db/sqlite-node.ts'
 * app.override(dialect, sqliteNode('./data/shop.db'))
 */
export const dialect = dependency({ scope: 'app', name: 'dialect' }, (): Dialect => {
  throw new Error(
    'The shop has no database driver: start it through one of its entry points (Node, Bun, Deno ' +
      'or the Worker), which each pick their SQLite driver, or override `dialect` ' +
      "(from 'src/db/dialect.ts') with one, e.g. app.override(dialect, sqliteNode(':memory:')).",
  )
})

/**
 * What every file-backed SQLite driver does on opening (Node, Bun, Deno adapters only: it uses
 * `node:fs`): create the database's directory, then set the connection's PRAGMAs.
 */
import { mkdirSync } from 'node:fs'
import { dirname } from 'node:path'

/** Where the shop keeps its database unless told otherwise (relative to the working directory). */
export const defaultDatabasePath = './data/shop.db'

/** How long a statement waits for another process's lock before failing with SQLITE_BUSY. */
const busyTimeoutMs = 5000

/** Creates the directory a database file lives in; nothing for `:memory:` or a `file:` URI. */
export function ensureDirectory(path: string): void {
  if (path === ':memory:' || path === '' || path.startsWith('file:')) return
  mkdirSync(dirname(path), { recursive: true })
}

/**
 * WAL (readers never block the writer), foreign keys enforced (off by default in SQLite), a busy
 * timeout for other processes on the same file, and `synchronous = NORMAL` — durable in WAL mode
 * except for the last commits on power loss, the usual trade for a web app.
 */
export function configureConnection(db: { exec(sql: string): unknown }): void {
  db.exec('PRAGMA journal_mode = WAL')
  db.exec('PRAGMA foreign_keys = ON')
  db.exec(`PRAGMA busy_timeout = ${busyTimeoutMs}`)
  db.exec('PRAGMA synchronous = NORMAL')
}

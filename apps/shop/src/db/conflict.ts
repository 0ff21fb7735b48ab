/** `Conflict` (a unique field already taken) and `isUniqueViolation`, the same on every driver. */

/** The user fields that must be unique. */
export type UniqueUserField = 'username' | 'email'

/** Thrown by `createUser` when its username or email is taken: `field` says which. */
export class Conflict extends Error {
  readonly code = 'CONFLICT'
  readonly field: UniqueUserField

  constructor(field: UniqueUserField, options?: ErrorOptions) {
    super(`A user with this ${field} already exists`, options)
    this.name = 'Conflict'
    this.field = field
  }
}

// SQLite's extended result codes for a broken UNIQUE or PRIMARY KEY constraint.
const SQLITE_CONSTRAINT_UNIQUE = 2067
const SQLITE_CONSTRAINT_PRIMARYKEY = 1555
const uniqueCodes = new Set(['SQLITE_CONSTRAINT_UNIQUE', 'SQLITE_CONSTRAINT_PRIMARYKEY'])
const uniqueNumbers = new Set([SQLITE_CONSTRAINT_UNIQUE, SQLITE_CONSTRAINT_PRIMARYKEY])
// SQLite's own wording, which every driver passes on (D1 only that: "D1_ERROR: UNIQUE ...").
const uniqueMessage = /UNIQUE constraint failed: ([^:]+)/

/** The error and its `cause`s (drivers and D1 sometimes wrap SQLite's error). */
function* chain(error: unknown): Generator<Record<string, unknown>> {
  for (let depth = 0; depth < 5 && typeof error === 'object' && error !== null; depth++) {
    yield error as Record<string, unknown>
    error = (error as { cause?: unknown }).cause
  }
}

/**
 * Whether `error` is SQLite refusing a duplicate in a UNIQUE or PRIMARY KEY column, from any of
 * the shop's drivers: a `code` of `SQLITE_CONSTRAINT_UNIQUE` (libsql, better-sqlite3, bun:sqlite),
 * an extended code 2067/1555 (`errcode` in node:sqlite, `rawCode` in libsql, `errno` in Bun), or
 * SQLite's message "UNIQUE constraint failed: table.column" (D1, and all the others).
 */
export function isUniqueViolation(error: unknown): boolean {
  for (const link of chain(error)) {
    if (typeof link.code === 'string' && uniqueCodes.has(link.code)) return true
    for (const key of ['errcode', 'rawCode', 'errno']) {
      if (typeof link[key] === 'number' && uniqueNumbers.has(link[key])) return true
    }
    if (typeof link.message === 'string' && uniqueMessage.test(link.message)) return true
  }
  return false
}

/** The `table.column`s a unique violation names (from SQLite's message), or none. */
export function violatedColumns(error: unknown): string[] {
  if (!isUniqueViolation(error)) return []
  for (const link of chain(error)) {
    const match = typeof link.message === 'string' ? uniqueMessage.exec(link.message) : null
    if (match?.[1]) return match[1].split(',').map((column) => column.trim())
  }
  return []
}

/**
 * A stand-in for a D1 binding over an in-memory libsql database, with D1's quirks that the D1
 * dialect must cope with: `BEGIN`/`SAVEPOINT` refused (only `batch()` is atomic), BLOBs bound as
 * `ArrayBuffer` and read back as arrays of byte numbers, errors carrying only a message. Real D1
 * (Miniflare) is tested by the Worker's own tests.
 */
import type { D1Database } from '@cloudflare/workers-types'
import Database from 'libsql'

type Row = Record<string, unknown>

function toSqliteValue(value: unknown): unknown {
  if (value === undefined) throw new Error("D1_TYPE_ERROR: Type 'undefined' not supported")
  if (value instanceof ArrayBuffer) return new Uint8Array(value)
  if (ArrayBuffer.isView(value)) throw new Error('fake D1: bind BLOBs as ArrayBuffer')
  return value
}

function fromSqliteRow(row: Row): Row {
  const out: Row = {}
  for (const [key, value] of Object.entries(row)) {
    out[key] =
      value instanceof ArrayBuffer || value instanceof Uint8Array
        ? Array.from(new Uint8Array(value))
        : value
  }
  return out
}

export interface FakeD1 {
  binding: D1Database
  close(): void
}

export function fakeD1(): FakeD1 {
  const sqlite = new Database(':memory:')
  sqlite.exec('PRAGMA foreign_keys = ON') // D1 enforces foreign keys

  const run = (query: string, values: unknown[]) => {
    if (/^\s*(begin|commit|rollback|savepoint|release)\b/i.test(query)) {
      throw new Error('D1_ERROR: use batch() instead of the SQL BEGIN TRANSACTION statement')
    }
    try {
      const statement = sqlite.prepare(query)
      const params = values.map(toSqliteValue)
      if (statement.reader) {
        const rows = statement.all(params) as Row[]
        return { results: rows.map(fromSqliteRow), meta: { changes: 0, last_row_id: 0 } }
      }
      const info = statement.run(params)
      return {
        results: [],
        meta: { changes: Number(info.changes), last_row_id: Number(info.lastInsertRowid) },
      }
    } catch (error) {
      // D1 keeps SQLite's message and nothing else (no code).
      throw new Error(`D1_ERROR: ${(error as Error).message}: SQLITE_CONSTRAINT`)
    }
  }

  const prepare = (query: string, values: unknown[] = []) => ({
    query,
    values,
    bind: (...bound: unknown[]) => prepare(query, bound),
    all: async () => ({ success: true, ...run(query, values) }),
  })

  const binding = {
    prepare: (query: string) => prepare(query),
    async batch(statements: Array<ReturnType<typeof prepare>>) {
      sqlite.exec('BEGIN')
      try {
        const results = statements.map((s) => ({ success: true, ...run(s.query, s.values) }))
        sqlite.exec('COMMIT')
        return results
      } catch (error) {
        sqlite.exec('ROLLBACK')
        throw error
      }
    },
  }
  return { binding: binding as unknown as D1Database, close: () => sqlite.close() }
}

/**
 * Cloudflare D1 as a Kysely dialect (web standards only: the Worker imports this file).
 *
 * D1 has no interactive transactions — `BEGIN` is refused; the only atomic unit is `batch()`.
 * So a Kysely transaction here is a batch: statements run inside one are queued, each answered at
 * once with an empty result, and sent as one `batch()` at commit, which D1 runs as one SQL
 * transaction (all or nothing). Each queued result is then filled in place with that statement's
 * rows and counts — read them after the transaction resolves, never inside it. The repository
 * writes its transactions that way on every driver (later statements refer to earlier ones in SQL).
 * kysely-d1 was not used: it throws on every transaction.
 */

import { dependency, runtimeEnv } from '@brisk/router'
import type { D1Database, D1PreparedStatement, D1Result } from '@cloudflare/workers-types'
import {
  type CompiledQuery,
  type DatabaseConnection,
  type Dialect,
  type Driver,
  type QueryResult,
  SqliteAdapter,
  SqliteQueryCompiler,
} from 'kysely'
import { D1Introspector } from './internal/d1-introspector.ts'

/** A statement queued in a transaction, and the result object handed out for it. */
interface Queued {
  statement: D1PreparedStatement
  result: { rows: unknown[]; numAffectedRows?: bigint; insertId?: bigint }
}

/** D1 binds `ArrayBuffer`s for BLOBs: a `Uint8Array` view is copied into one. */
function toD1Value(value: unknown): unknown {
  if (value instanceof Uint8Array) {
    return value.buffer.slice(value.byteOffset, value.byteOffset + value.byteLength)
  }
  return value
}

function toQueryResult(result: D1Result): QueryResult<unknown> {
  const { changes, last_row_id: lastRowId } = result.meta
  return {
    rows: result.results ?? [],
    ...(changes > 0 ? { numAffectedRows: BigInt(changes) } : {}),
    ...(lastRowId != null ? { insertId: BigInt(lastRowId) } : {}),
  }
}

class D1Connection implements DatabaseConnection {
  readonly #database: D1Database
  #queue: Queued[] | undefined

  constructor(database: D1Database) {
    this.#database = database
  }

  async executeQuery<TRow>(query: CompiledQuery): Promise<QueryResult<TRow>> {
    const statement = this.#database.prepare(query.sql).bind(...query.parameters.map(toD1Value))
    if (this.#queue) {
      const queued: Queued = { statement, result: { rows: [] } }
      this.#queue.push(queued)
      return queued.result as QueryResult<TRow>
    }
    return toQueryResult(await statement.all()) as QueryResult<TRow>
  }

  begin(): void {
    if (this.#queue) throw new Error('D1: transactions do not nest (no savepoints in a batch)')
    this.#queue = []
  }

  async commit(): Promise<void> {
    const queue = this.#queue ?? []
    this.#queue = undefined
    if (queue.length === 0) return
    const results = await this.#database.batch(queue.map((queued) => queued.statement))
    results.forEach((result, index) => {
      Object.assign(queue[index]!.result, toQueryResult(result))
    })
  }

  rollback(): void {
    // Nothing was sent: dropping the queue is the rollback. A failed batch rolled itself back.
    this.#queue = undefined
  }

  // biome-ignore lint/correctness/useYield: D1 cannot stream; the generator only throws.
  async *streamQuery<TRow>(): AsyncIterableIterator<QueryResult<TRow>> {
    throw new Error('D1 cannot stream query results')
  }
}

class D1Driver implements Driver {
  readonly #database: D1Database

  constructor(database: D1Database) {
    this.#database = database
  }

  async init(): Promise<void> {}
  async acquireConnection(): Promise<DatabaseConnection> {
    // D1 is reached over a binding, not a socket: a connection is only a transaction's queue.
    return new D1Connection(this.#database)
  }
  async beginTransaction(connection: DatabaseConnection): Promise<void> {
    ;(connection as D1Connection).begin()
  }
  async commitTransaction(connection: DatabaseConnection): Promise<void> {
    await (connection as D1Connection).commit()
  }
  async rollbackTransaction(connection: DatabaseConnection): Promise<void> {
    ;(connection as D1Connection).rollback()
  }
  async releaseConnection(): Promise<void> {}
  async destroy(): Promise<void> {}
}

/**
 * A Kysely dialect on a D1 binding: SQLite's SQL, transactions as batches (see above), and an
 * introspector that skips D1's own `_cf_*` tables (which D1 does not let it read).
 */
export function d1Dialect(database: D1Database): Dialect {
  return {
    createAdapter: () => new SqliteAdapter(),
    createDriver: () => new D1Driver(database),
    createQueryCompiler: () => new SqliteQueryCompiler(),
    createIntrospector: (db) => new D1Introspector(db),
  }
}

/** The Worker's bindings the shop reads: its D1 database as `DB`. */
export interface ShopBindings {
  DB: D1Database
}

/**
 * The dependency the Worker entry overrides `dialect` with: `d1Dialect(env.DB)`, the binding read
 * from the Worker's `env` (made on the first request, when Workers hand the bindings over).
 *
 * @example
 * app.override(dialect, d1)
 */
export const d1 = dependency(
  { scope: 'app', name: 'dialect (D1)', uses: { env: runtimeEnv<ShopBindings>() } },
  ({ env }): Dialect => {
    if (!env?.DB) throw new Error('D1: the Worker has no `DB` binding (add a d1_databases entry)')
    return d1Dialect(env.DB)
  },
)

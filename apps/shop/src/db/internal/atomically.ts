/** Runs statements as one unit on every driver, D1's batches included. */
import type { CompiledQuery, Kysely, QueryResult } from 'kysely'

/**
 * Runs `queries` in order in one transaction and returns their results once it has committed; if
 * one fails, none of them took effect. A statement cannot see an earlier one's result in JS —
 * on D1 the transaction is a single `batch()` and results only exist after it — so a later
 * statement refers to an earlier one's rows in SQL (`(select max(id) from items)`).
 */
export async function atomically(
  db: Kysely<any>,
  queries: readonly CompiledQuery[],
): Promise<QueryResult<unknown>[]> {
  return db.transaction().execute(async (trx) => {
    const results: QueryResult<unknown>[] = []
    for (const query of queries) results.push(await trx.executeQuery(query))
    return results
  })
}

/** Whether a statement's result says it changed at least one row. */
export const changedRows = (result: QueryResult<unknown> | undefined): boolean =>
  (result?.numAffectedRows ?? 0n) > 0n

// The part of `node:sqlite` (Deno 2, Node ≥ 22.5) the shop uses; @types/node 20 has none of it.
declare module 'node:sqlite' {
  export type SqliteValue = null | number | bigint | string | Uint8Array
  export class StatementSync {
    all(...parameters: SqliteValue[]): unknown[]
    run(...parameters: SqliteValue[]): {
      changes: number | bigint
      lastInsertRowid: number | bigint
    }
    iterate(...parameters: SqliteValue[]): IterableIterator<unknown>
    columns(): unknown[]
  }
  export class DatabaseSync {
    constructor(path: string)
    prepare(sql: string): StatementSync
    exec(sql: string): void
    close(): void
  }
}

// The part of Bun's `bun:sqlite` the shop uses: enough to type sqlite-bun.ts without bun-types
// (whose globals clash with Node's and the DOM's in one program).
declare module 'bun:sqlite' {
  export class Statement {
    readonly reader: boolean
    all(parameters: ReadonlyArray<unknown>): unknown[]
    run(parameters: ReadonlyArray<unknown>): { changes: number; lastInsertRowid: number | bigint }
    iterate(parameters: ReadonlyArray<unknown>): IterableIterator<unknown>
  }
  export class Database {
    constructor(filename?: string, options?: { create?: boolean; readwrite?: boolean })
    prepare(sql: string): Statement
    exec(sql: string): void
    close(): void
  }
}

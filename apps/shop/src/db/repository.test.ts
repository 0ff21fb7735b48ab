import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { Kysely, sql } from 'kysely'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { migrate } from './migrations.ts'
import { repository } from './repository.ts'
import type { Database } from './schema.ts'
import { sqliteNodeDialect } from './sqlite-node.ts'
import { defineRepositoryCases } from './testing/repository-cases.ts'

defineRepositoryCases(
  'libsql (Node), in memory',
  async () => new Kysely<Database>({ dialect: sqliteNodeDialect(':memory:') }),
)

describe('repository on a libsql file database', () => {
  let dir: string
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'shop-db-'))
  })
  afterEach(() => {
    rmSync(dir, { recursive: true, force: true })
  })

  async function openFile(path: string) {
    const db = new Kysely<Database>({ dialect: sqliteNodeDialect(path) })
    await migrate(db)
    return db
  }

  it('creates the directory and opens the file in WAL mode with foreign keys on', async () => {
    const db = await openFile(join(dir, 'nested', 'data', 'shop.db'))
    const pragmas = await sql<{
      journal_mode: string
      foreign_keys: number
      busy_timeout: number
    }>`select (select journal_mode from pragma_journal_mode) as journal_mode, (select foreign_keys from pragma_foreign_keys) as foreign_keys, (select timeout from pragma_busy_timeout) as busy_timeout`.execute(
      db,
    )
    expect(pragmas.rows).toEqual([{ journal_mode: 'wal', foreign_keys: 1, busy_timeout: 5000 }])
    await db.destroy()
  })

  it('keeps its data across a close and reopen', async () => {
    const path = join(dir, 'shop.db')
    const first = await openFile(path)
    const ada = await repository(first).createUser({
      username: 'ada',
      email: 'ada@example.com',
      passwordHash: 'h',
    })
    const lamp = await repository(first).createItem(ada.id, { name: 'Lamp', price: 2, tags: ['a'] })
    await first.destroy()

    const second = await openFile(path)
    expect(await repository(second).getItem(lamp.id)).toEqual(lamp)
    expect(await repository(second).userByUsername('ada')).toEqual(ada)
    await second.destroy()
  })

  it('runs 1,000 concurrent createItem calls on one connection, all succeeding', async () => {
    const db = await openFile(join(dir, 'shop.db'))
    const shop = repository(db)
    const ada = await shop.createUser({
      username: 'ada',
      email: 'a@example.com',
      passwordHash: 'h',
    })
    const created = await Promise.all(
      Array.from({ length: 1000 }, (_, i) =>
        shop.createItem(ada.id, { name: `item ${i}`, price: i, tags: [`t${i % 7}`, 'all'] }),
      ),
    )
    expect(new Set(created.map((item) => item.id)).size).toBe(1000)
    // Each call got its own item back, not a neighbour's (ids come from SQL in the transaction).
    created.forEach((item, i) => {
      expect(item).toMatchObject({ name: `item ${i}`, price: i, owner: 'ada' })
      expect(item.tags).toEqual(['all', `t${i % 7}`].sort())
    })
    expect(await shop.stats()).toEqual({ users: 1, items: 1000 })
    expect((await shop.listItems({ skip: 0, limit: 1, tags: ['all'] })).total).toBe(1000)
    await db.destroy()
  })
})

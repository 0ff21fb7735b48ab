/**
 * One pass through the repository on a given dialect, reported as plain JSON: what the Bun and
 * Deno tests run in those runtimes (bun-scenario.ts, deno-scenario.ts) and compare with Node.
 */
import { type Dialect, Kysely, sql } from 'kysely'
import { Conflict, isUniqueViolation } from '../conflict.ts'
import { migrate } from '../migrations.ts'
import { repository } from '../repository.ts'
import type { Database } from '../schema.ts'

/** `readPragmas: false` on D1, which does not let a query read `pragma_journal_mode`. */
export async function runScenario(
  dialect: Dialect,
  { readPragmas = true } = {},
): Promise<Record<string, unknown>> {
  const db = new Kysely<Database>({ dialect })
  try {
    const migrated = (await migrate(db)).map(
      (result) => `${result.migrationName}: ${result.status}`,
    )
    const againMigrated = (await migrate(db)).length
    const pragmas = readPragmas
      ? await sql<{ journal: string; fk: number }>`select
      (select journal_mode from pragma_journal_mode) as journal,
      (select foreign_keys from pragma_foreign_keys) as fk`.execute(db)
      : undefined
    const shop = repository(db)
    const ada = await shop.createUser({
      username: 'ada',
      email: 'ada@example.com',
      passwordHash: 'h',
      scopes: ['me', 'items'],
      isAdmin: true,
    })
    const conflicts: unknown[] = []
    for (const user of [
      { username: 'ada', email: 'other@example.com', passwordHash: 'h' },
      { username: 'ada2', email: 'ada@example.com', passwordHash: 'h' },
    ]) {
      const error = await shop.createUser(user).catch((e: unknown) => e)
      conflicts.push(error instanceof Conflict ? error.field : String(error))
    }
    const raw = await db
      .insertInto('users')
      .values({ username: 'ada', email: 'x', password_hash: 'h' })
      .execute()
      .catch((e: unknown) => e)
    const item = await shop.createItem(ada.id, {
      name: 'Lamp 100%',
      description: 'desk',
      price: 12.5,
      tags: ['light', 'home', 'light'],
    })
    const readBack = await shop.getItem(item.id)
    const orphan = await shop
      .createItem(999, { name: 'orphan', price: 1 })
      .then(() => 'created')
      .catch(() => 'rejected')
    const imageStored = await shop.putImage(item.id, {
      filename: 'lamp.png',
      contentType: 'image/png',
      data: new Uint8Array([0, 1, 128, 255]),
    })
    const image = await shop.getImage(item.id)
    const updated = await shop.updateItem(item.id, { price: 13, tags: ['home', 'desk'] })
    return {
      migrated,
      againMigrated,
      ...(pragmas ? { pragmas: pragmas.rows[0] } : {}),
      user: ada,
      conflicts,
      rawUniqueViolation: isUniqueViolation(raw),
      item,
      readBack,
      orphan,
      image: image && {
        ...image,
        data: [...image.data],
        isUint8Array: image.data instanceof Uint8Array,
      },
      imageStored,
      updated,
      page: await shop.listItems({ skip: 0, limit: 10, q: '0%', tags: ['home'] }),
      stats: await shop.stats(),
      deleted: await shop.deleteUser(ada.id),
      after: await shop.stats(),
    }
  } finally {
    await db.destroy()
  }
}

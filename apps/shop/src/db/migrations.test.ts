import { Kysely, sql } from 'kysely'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { MigrationError, migrate, migrations } from './migrations.ts'
import { sqliteNodeDialect } from './sqlite-node.ts'

describe('migrate', () => {
  let db: Kysely<any>
  beforeEach(() => {
    db = new Kysely<any>({ dialect: sqliteNodeDialect(':memory:') })
  })
  afterEach(async () => {
    await db.destroy()
  })

  const schemaObjects = async () =>
    (
      await sql<{
        type: string
        name: string
      }>`select type, name from sqlite_master where name not like 'sqlite_%' and name not like 'kysely_%' order by type, name`.execute(
        db,
      )
    ).rows

  it('creates the tables and indexes of migration 1', async () => {
    expect(await migrate(db)).toEqual([
      { migrationName: '0001_create_tables', direction: 'Up', status: 'Success' },
    ])
    expect(await schemaObjects()).toEqual([
      { type: 'index', name: 'item_tags_tag' },
      { type: 'index', name: 'items_owner_id' },
      { type: 'table', name: 'item_images' },
      { type: 'table', name: 'item_tags' },
      { type: 'table', name: 'items' },
      { type: 'table', name: 'users' },
    ])
  })

  it('does nothing when run again', async () => {
    await migrate(db)
    const before = await schemaObjects()
    expect(await migrate(db)).toEqual([])
    expect(await schemaObjects()).toEqual(before)
  })

  it('lets a migration run again over its own work (one cut short can be retried)', async () => {
    await migrate(db)
    for (const migration of Object.values(migrations)) await migration.up(db)
    expect(await schemaObjects()).toHaveLength(6)
  })

  it('throws a MigrationError naming the migration that failed, keeping the ones before', async () => {
    const failing = {
      ...migrations,
      '0002_broken': {
        async up(db: Kysely<any>) {
          await sql`alter table no_such_table add column x text`.execute(db)
        },
      },
    }
    const error = await migrate(db, failing).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(MigrationError)
    expect(error).toMatchObject({ code: 'MIGRATION_FAILED', migration: '0002_broken' })
    expect((error as Error).message).toMatch(
      /^Database migration '0002_broken' failed: .*no_such_table/,
    )
    expect((error as Error).cause).toBeInstanceOf(Error)
    const executed = await db.selectFrom('kysely_migration').select('name').execute()
    expect(executed).toEqual([{ name: '0001_create_tables' }])
  })
})

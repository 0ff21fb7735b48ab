/**
 * The schema's history as code: Kysely's `Migrator` with an in-code provider, so it needs no
 * filesystem and runs on Workers too. Each migration is idempotent (`if not exists`), so one cut
 * short — D1 runs them without a transaction — can simply run again.
 */
import { type Kysely, sql } from 'kysely'
import { type Migration, type MigrationResult, Migrator } from 'kysely/migration'

/** Migrations by name; names sort in the order they run. Never edit one that has shipped. */
export const migrations: Readonly<Record<string, Migration>> = {
  '0001_create_tables': {
    async up(db) {
      const now = sql`(strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))`
      await db.schema
        .createTable('users')
        .ifNotExists()
        .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
        .addColumn('username', 'text', (c) => c.notNull().unique())
        .addColumn('email', 'text', (c) => c.notNull().unique())
        .addColumn('full_name', 'text')
        .addColumn('password_hash', 'text', (c) => c.notNull())
        .addColumn('scopes', 'text', (c) => c.notNull().defaultTo(''))
        .addColumn('is_admin', 'integer', (c) =>
          c.notNull().defaultTo(0).check(sql`is_admin in (0, 1)`),
        )
        .addColumn('created_at', 'text', (c) => c.notNull().defaultTo(now))
        .execute()
      await db.schema
        .createTable('items')
        .ifNotExists()
        .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
        .addColumn('owner_id', 'integer', (c) => c.notNull().references('users.id'))
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('description', 'text')
        .addColumn('price', 'real', (c) => c.notNull())
        .addColumn('tax', 'real')
        .addColumn('created_at', 'text', (c) => c.notNull().defaultTo(now))
        .execute()
      await db.schema
        .createIndex('items_owner_id')
        .ifNotExists()
        .on('items')
        .column('owner_id')
        .execute()
      await db.schema
        .createTable('item_tags')
        .ifNotExists()
        .addColumn('item_id', 'integer', (c) => c.notNull().references('items.id'))
        .addColumn('tag', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('item_tags_pk', ['item_id', 'tag'])
        .modifyEnd(sql`without rowid`)
        .execute()
      await db.schema
        .createIndex('item_tags_tag')
        .ifNotExists()
        .on('item_tags')
        .column('tag')
        .execute()
      await db.schema
        .createTable('item_images')
        .ifNotExists()
        .addColumn('item_id', 'integer', (c) => c.primaryKey().references('items.id'))
        .addColumn('filename', 'text', (c) => c.notNull())
        .addColumn('content_type', 'text', (c) => c.notNull())
        .addColumn('size', 'integer', (c) => c.notNull())
        .addColumn('data', 'blob', (c) => c.notNull())
        .execute()
    },
  },
}

/** A migration failed: `migration` names it, `cause` is the database's error. */
export class MigrationError extends Error {
  readonly code = 'MIGRATION_FAILED'
  readonly migration: string | undefined

  constructor(migration: string | undefined, cause: unknown) {
    super(
      migration
        ? `Database migration '${migration}' failed: ${String((cause as Error)?.message ?? cause)}`
        : `Database migrations could not run: ${String((cause as Error)?.message ?? cause)}`,
      { cause },
    )
    this.name = 'MigrationError'
    this.migration = migration
  }
}

/**
 * Brings `db` to the latest migration; returns what ran (nothing when it was up to date).
 * Throws a `MigrationError` naming the migration that failed.
 */
export async function migrate(
  db: Kysely<any>,
  all: Readonly<Record<string, Migration>> = migrations,
): Promise<MigrationResult[]> {
  const migrator = new Migrator({ db, provider: { getMigrations: async () => ({ ...all }) } })
  const { error, results = [] } = await migrator.migrateToLatest()
  if (error !== undefined) {
    throw new MigrationError(results.find((r) => r.status === 'Error')?.migrationName, error)
  }
  return results
}

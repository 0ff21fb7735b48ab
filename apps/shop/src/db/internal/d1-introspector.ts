/**
 * Kysely's SQLite introspector for D1. Kysely's own reads `pragma_table_info` of every table in
 * `sqlite_master`, and D1 refuses it on its internal `_cf_*` tables (SQLITE_AUTH) — which breaks
 * the `Migrator`, as it looks for its tables this way. This one skips those tables.
 */
import { type DatabaseIntrospector, type Kysely, sql, type TableMetadata } from 'kysely'

interface ColumnRow {
  table: string
  name: string
  type: string
  notnull: number
  dflt_value: unknown
  pk: number
}

export class D1Introspector implements DatabaseIntrospector {
  readonly #db: Kysely<any>

  constructor(db: Kysely<any>) {
    this.#db = db
  }

  async getSchemas() {
    return [] // SQLite has no schemas
  }

  async getTables(options = { withInternalKyselyTables: false }): Promise<TableMetadata[]> {
    const internal = options.withInternalKyselyTables
      ? sql``
      : sql`and name not in ('kysely_migration', 'kysely_migration_lock')`
    const tables = sql`select name, type from sqlite_master where type in ('table', 'view') and name not like 'sqlite\\_%' escape '\\' and name not glob '_cf_*' ${internal}`
    const listed = await sql<{ name: string; type: string }>`${tables} order by name`.execute(
      this.#db,
    )
    const columns =
      await sql<ColumnRow>`with tl as (${tables}) select tl.name as "table", p.name, p.type, p."notnull", p.dflt_value, p.pk from tl, pragma_table_info(tl.name) as p order by tl.name, p.cid`.execute(
        this.#db,
      )
    return listed.rows.map(({ name, type }) => {
      const own = columns.rows.filter((column) => column.table === name)
      const keys = own.filter((column) => column.pk > 0)
      // An INTEGER PRIMARY KEY alone is the rowid: it numbers itself.
      const rowid =
        keys.length === 1 && keys[0]!.type.toLowerCase() === 'integer' ? keys[0]!.name : undefined
      return {
        name,
        isView: type === 'view',
        isForeign: false,
        columns: own.map((column) => ({
          name: column.name,
          dataType: column.type,
          isNullable: column.notnull === 0,
          isAutoIncrementing: column.name === rowid,
          hasDefaultValue: column.dflt_value != null,
        })),
      }
    })
  }
}

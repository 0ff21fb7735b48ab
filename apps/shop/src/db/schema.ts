/** The shop's tables as Kysely sees them: one interface per table, keyed by table name. */
import type { ColumnType, Generated, Insertable, Selectable } from 'kysely'

/** Has a default: optional on insert, updatable. */
type Defaulted<TValue> = ColumnType<TValue, TValue | undefined, TValue>
/** Set by the database when the row is made, never changed. */
type CreatedAt = ColumnType<string, string | undefined, never>

/** `users`: accounts; `scopes` is one space-separated string, `is_admin` is 0 or 1. */
export interface UsersTable {
  id: Generated<number>
  username: string
  email: string
  full_name: string | null
  password_hash: string
  scopes: Defaulted<string>
  is_admin: Defaulted<0 | 1>
  created_at: CreatedAt
}

/** `items`: what users sell; `owner_id` → `users.id`. */
export interface ItemsTable {
  id: Generated<number>
  owner_id: number
  name: string
  description: string | null
  price: number
  tax: number | null
  created_at: CreatedAt
}

/** `item_tags`: one row per (item, tag); primary key on both. */
export interface ItemTagsTable {
  item_id: number
  tag: string
}

/**
 * `item_images`: at most one image per item. `data` is a BLOB: written as a `Uint8Array`, read
 * back as whatever the driver makes of a BLOB (a `Uint8Array`, an `ArrayBuffer`, or D1's array of
 * bytes) — the repository turns it into a `Uint8Array`.
 */
export interface ItemImagesTable {
  item_id: number
  filename: string
  content_type: string
  size: number
  data: ColumnType<Uint8Array | ArrayBuffer | number[], Uint8Array, Uint8Array>
}

/** The whole database, for `Kysely<Database>`. */
export interface Database {
  users: UsersTable
  items: ItemsTable
  item_tags: ItemTagsTable
  item_images: ItemImagesTable
}

export type UserRow = Selectable<UsersTable>
export type NewUserRow = Insertable<UsersTable>
export type ItemRow = Selectable<ItemsTable>
export type ItemImageRow = Selectable<ItemImagesTable>

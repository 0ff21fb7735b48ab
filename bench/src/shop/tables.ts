/**
 * The shop's tables as the Fastify server's inline Kysely queries see them: the columns S7 and S8
 * touch, as `apps/shop/src/db/schema.ts` declares them (not exported by `@brisk/shop`).
 */
import type { ColumnType, Generated } from 'kysely'

type CreatedAt = ColumnType<string, string | undefined, never>

export interface ShopTables {
  users: {
    id: Generated<number>
    username: string
    email: string
    full_name: string | null
    password_hash: string
    scopes: ColumnType<string, string | undefined, string>
    is_admin: ColumnType<0 | 1, 0 | 1 | undefined, 0 | 1>
    created_at: CreatedAt
  }
  items: {
    id: Generated<number>
    owner_id: number
    name: string
    description: string | null
    price: number
    tax: number | null
    created_at: CreatedAt
  }
  item_tags: { item_id: number; tag: string }
}

/** The repository's image functions: at most one image per item, stored as a BLOB. */
import type { Kysely } from 'kysely'
import { toBytes } from '../internal/bytes.ts'
import type { Database } from '../schema.ts'

export interface NewImage {
  filename: string
  contentType: string
  data: Uint8Array
}

export interface Image extends NewImage {
  /** `data`'s length in bytes. */
  size: number
}

export function imageQueries(db: Kysely<Database>) {
  return {
    /** Stores (or replaces) the item's image; `false` when there is no such item. */
    async putImage(itemId: number, image: NewImage): Promise<boolean> {
      const result = await db
        .insertInto('item_images')
        .columns(['item_id', 'filename', 'content_type', 'size', 'data'])
        // From `items`, so a missing item inserts nothing instead of breaking the foreign key.
        .expression((eb) =>
          eb
            .selectFrom('items')
            .select((eb) => [
              'items.id',
              eb.val(image.filename).as('filename'),
              eb.val(image.contentType).as('content_type'),
              eb.val(image.data.byteLength).as('size'),
              eb.val(image.data).as('data'),
            ])
            .where('items.id', '=', itemId),
        )
        .onConflict((conflict) =>
          conflict.column('item_id').doUpdateSet((eb) => ({
            filename: eb.ref('excluded.filename'),
            content_type: eb.ref('excluded.content_type'),
            size: eb.ref('excluded.size'),
            data: eb.ref('excluded.data'),
          })),
        )
        .executeTakeFirst()
      return result.numInsertedOrUpdatedRows !== undefined && result.numInsertedOrUpdatedRows > 0n
    },

    async getImage(itemId: number): Promise<Image | undefined> {
      const row = await db
        .selectFrom('item_images')
        .select(['filename', 'content_type', 'size', 'data'])
        .where('item_id', '=', itemId)
        .executeTakeFirst()
      if (!row) return undefined
      return {
        filename: row.filename,
        contentType: row.content_type,
        size: row.size,
        data: toBytes(row.data),
      }
    },
  }
}

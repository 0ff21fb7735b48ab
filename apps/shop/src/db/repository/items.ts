/** The repository's item functions: items with their tags and their owner's username. */
import { type Kysely, type RawBuilder, sql } from 'kysely'
import { atomically, changedRows } from '../internal/atomically.ts'
import { likeEscape, likePattern } from '../internal/like.ts'
import type { Database } from '../schema.ts'

/** An item as the routes see it; `tags` sorted, `owner` the owner's username. */
export interface Item {
  id: number
  name: string
  description: string | null
  price: number
  tax: number | null
  tags: string[]
  owner: string
}

/** What `createItem` takes; duplicate tags are stored once. */
export interface NewItem {
  name: string
  description?: string | null | undefined
  price: number
  tax?: number | null | undefined
  tags?: readonly string[] | undefined
}

/** What `updateItem` changes: only the fields given (`undefined` = not given); `tags` replaces all. */
export type ItemChanges = { [TKey in keyof NewItem]?: NewItem[TKey] | undefined }

export interface ListItemsOptions {
  skip: number
  limit: number
  /** Matches name or description, ASCII case-insensitively (SQLite's LIKE), `%`/`_` literal. */
  q?: string | undefined
  /** Only items that have every one of these tags. */
  tags?: readonly string[] | undefined
}

export interface ItemPage {
  items: Item[]
  /** How many items match the filters, over every page. */
  total: number
}

interface ItemSelection {
  id: number
  name: string
  description: string | null
  price: number
  tax: number | null
  owner: string
  tags: string
}

const toItem = ({ tags, ...row }: ItemSelection): Item => ({
  ...row,
  tags: (JSON.parse(tags) as string[]).sort(),
})

const distinct = (tags: readonly string[] | undefined) => [...new Set(tags ?? [])]

export function itemQueries(db: Kysely<Database>) {
  // One statement per read: tags come as a JSON array, so a page is one round trip.
  const selectItems = () =>
    db
      .selectFrom('items')
      .innerJoin('users', 'users.id', 'items.owner_id')
      .select(['items.id', 'items.name', 'items.description', 'items.price', 'items.tax'])
      .select('users.username as owner')
      .select(
        sql<string>`(select json_group_array(tag) from item_tags where item_id = items.id)`.as(
          'tags',
        ),
      )
  const selectItem = (id: number) => selectItems().where('items.id', '=', id)
  // Tags go in as one JSON parameter (D1 allows 100 bound parameters per statement), and through
  // `items`, so an item that does not exist gets no tags rather than a NOT NULL or FK error.
  const insertTags = (itemId: RawBuilder<number> | number, tags: string[]) =>
    sql`insert into item_tags (item_id, tag) select items.id, tags.value from items, json_each(${JSON.stringify(tags)}) as tags where items.id = ${itemId}`.compile(
      db,
    )

  return {
    async listItems({ skip, limit, q, tags }: ListItemsOptions): Promise<ItemPage> {
      let matching = db.selectFrom('items')
      if (q) {
        const pattern = likePattern(q)
        matching = matching.where(
          sql<boolean>`(items.name like ${pattern} escape ${likeEscape} or items.description like ${pattern} escape ${likeEscape})`,
        )
      }
      const wanted = distinct(tags)
      if (wanted.length > 0) {
        matching = matching.where('items.id', 'in', (eb) =>
          eb
            .selectFrom('item_tags')
            .select('item_id')
            .where(
              'tag',
              'in',
              sql<string>`(select value from json_each(${JSON.stringify(wanted)}))`,
            )
            .groupBy('item_id')
            .having((eb) => eb.fn.countAll(), '=', wanted.length),
        )
      }
      const { total } = await matching
        .select((eb) => eb.fn.countAll<number>().as('total'))
        .executeTakeFirstOrThrow()
      const rows = await selectItems()
        .where('items.id', 'in', matching.select('items.id'))
        .orderBy('items.id')
        .limit(limit)
        .offset(skip)
        .execute()
      return { items: rows.map(toItem), total: Number(total) }
    },

    /** Adds an item and its tags in one transaction; `ownerId` must be a user's id. */
    async createItem(ownerId: number, item: NewItem): Promise<Item> {
      // Every writer is serialised in its transaction, so the greatest id is the one just added.
      const lastItemId = sql<number>`(select max(id) from items)`
      const [, , read] = await atomically(db, [
        db
          .insertInto('items')
          .values({
            owner_id: ownerId,
            name: item.name,
            description: item.description ?? null,
            price: item.price,
            tax: item.tax ?? null,
          })
          .compile(),
        insertTags(lastItemId, distinct(item.tags)),
        selectItems().where('items.id', '=', lastItemId).compile(),
      ])
      return toItem(read!.rows[0] as ItemSelection)
    },

    async getItem(id: number): Promise<Item | undefined> {
      const row = await selectItem(id).executeTakeFirst()
      return row && toItem(row)
    },

    /** Changes the given fields (and replaces the tags, if given) in one transaction. */
    async updateItem(id: number, changes: ItemChanges): Promise<Item | undefined> {
      const fields = Object.fromEntries(
        (['name', 'description', 'price', 'tax'] as const)
          .filter((key) => changes[key] !== undefined)
          .map((key) => [key, changes[key]]),
      )
      const queries = []
      if (Object.keys(fields).length > 0) {
        queries.push(db.updateTable('items').set(fields).where('id', '=', id).compile())
      }
      if (changes.tags !== undefined) {
        queries.push(db.deleteFrom('item_tags').where('item_id', '=', id).compile())
        queries.push(insertTags(id, distinct(changes.tags)))
      }
      queries.push(selectItem(id).compile())
      const results = await atomically(db, queries)
      const row = results.at(-1)?.rows[0] as ItemSelection | undefined
      return row && toItem(row)
    },

    /** Deletes an item with its tags and image; whether it existed. */
    async deleteItem(id: number): Promise<boolean> {
      const results = await atomically(db, [
        db.deleteFrom('item_images').where('item_id', '=', id).compile(),
        db.deleteFrom('item_tags').where('item_id', '=', id).compile(),
        db.deleteFrom('items').where('id', '=', id).compile(),
      ])
      return changedRows(results.at(-1))
    },

    /** Deletes a user's items, their tags and images, then the user, in one transaction. */
    async deleteUser(id: number): Promise<boolean> {
      const owned = db.selectFrom('items').select('id').where('owner_id', '=', id)
      const results = await atomically(db, [
        db.deleteFrom('item_images').where('item_id', 'in', owned).compile(),
        db.deleteFrom('item_tags').where('item_id', 'in', owned).compile(),
        db.deleteFrom('items').where('owner_id', '=', id).compile(),
        db.deleteFrom('users').where('id', '=', id).compile(),
      ])
      return changedRows(results.at(-1))
    },
  }
}

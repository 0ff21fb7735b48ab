/**
 * The repository's behaviour, written once and run on every dialect a test can open here (libsql
 * on Node, the D1 dialect over a D1 stand-in): `defineRepositoryCases(name, open)`.
 */
import { type Kysely, sql } from 'kysely'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { Conflict } from '../conflict.ts'
import { migrate } from '../migrations.ts'
import { type Repository, repository } from '../repository.ts'
import type { Database } from '../schema.ts'

export function defineRepositoryCases(name: string, open: () => Promise<Kysely<Database>>) {
  describe(`repository on ${name}`, () => {
    let db: Kysely<Database>
    let shop: Repository

    beforeEach(async () => {
      db = await open()
      await migrate(db)
      shop = repository(db)
    })
    afterEach(async () => {
      await db.destroy()
    })

    const newUser = (
      username: string,
      extra: Partial<Parameters<Repository['createUser']>[0]> = {},
    ) =>
      shop.createUser({
        username,
        email: `${username}@example.com`,
        passwordHash: `hash-of-${username}`,
        ...extra,
      })

    describe('users', () => {
      it('creates a user and reads it back by username and by id', async () => {
        const ada = await newUser('ada', {
          fullName: 'Ada L',
          scopes: ['items:read', 'me'],
          isAdmin: true,
        })
        expect(ada).toEqual({
          id: expect.any(Number),
          username: 'ada',
          email: 'ada@example.com',
          fullName: 'Ada L',
          scopes: ['items:read', 'me'],
          isAdmin: true,
          passwordHash: 'hash-of-ada',
        })
        expect(await shop.userByUsername('ada')).toEqual(ada)
        expect(await shop.userById(ada.id)).toEqual(ada)
      })

      it('defaults to no full name, no scopes, not an admin', async () => {
        const bob = await newUser('bob')
        expect(bob).toMatchObject({ fullName: null, scopes: [], isAdmin: false })
      })

      it('answers undefined for unknown users', async () => {
        expect(await shop.userByUsername('nobody')).toBeUndefined()
        expect(await shop.userById(12345)).toBeUndefined()
      })

      it('makes a user an admin and back, by username', async () => {
        const ada = await newUser('ada')
        expect(await shop.setAdmin('ada', true)).toEqual({ ...ada, isAdmin: true })
        expect(await shop.userById(ada.id)).toEqual({ ...ada, isAdmin: true })
        expect(await shop.setAdmin('ada', false)).toEqual(ada)
        expect(await shop.setAdmin('nobody', true)).toBeUndefined()
      })

      it('throws Conflict("username") for a taken username', async () => {
        await newUser('ada')
        const error = await newUser('ada', { email: 'other@example.com' }).catch((e) => e)
        expect(error).toBeInstanceOf(Conflict)
        expect(error).toMatchObject({ field: 'username', code: 'CONFLICT' })
        expect(error.cause).toBeDefined()
      })

      it('throws Conflict("email") for a taken email', async () => {
        await newUser('ada')
        const error = await newUser('ada2', { email: 'ada@example.com' }).catch((e) => e)
        expect(error).toBeInstanceOf(Conflict)
        expect(error.field).toBe('email')
        expect(await shop.stats()).toEqual({ users: 1, items: 0 })
      })

      it('rejects scopes that cannot be stored space-separated', async () => {
        await expect(newUser('ada', { scopes: ['a b'] })).rejects.toThrow(TypeError)
        await expect(newUser('ada', { scopes: [''] })).rejects.toThrow(TypeError)
      })

      it('deletes a user with their items, tags and images, and no one else’s', async () => {
        const ada = await newUser('ada')
        const bob = await newUser('bob')
        const lamp = await shop.createItem(ada.id, { name: 'Lamp', price: 1, tags: ['home'] })
        await shop.putImage(lamp.id, {
          filename: 'l.png',
          contentType: 'image/png',
          data: new Uint8Array([1]),
        })
        const chair = await shop.createItem(bob.id, { name: 'Chair', price: 2, tags: ['home'] })
        expect(await shop.deleteUser(ada.id)).toBe(true)
        expect(await shop.userById(ada.id)).toBeUndefined()
        expect(await shop.getItem(lamp.id)).toBeUndefined()
        expect(await shop.getImage(lamp.id)).toBeUndefined()
        const leftTags = await db.selectFrom('item_tags').selectAll().execute()
        expect(leftTags).toEqual([{ item_id: chair.id, tag: 'home' }])
        expect(await shop.getItem(chair.id)).toEqual(chair)
        expect(await shop.deleteUser(ada.id)).toBe(false)
      })

      it('deletes nothing when one statement of deleteUser fails', async () => {
        const ada = await newUser('ada')
        const lamp = await shop.createItem(ada.id, { name: 'Lamp', price: 1, tags: ['home'] })
        await sql`create trigger keep_users before delete on users begin select raise(abort, 'kept'); end`.execute(
          db,
        )
        await expect(shop.deleteUser(ada.id)).rejects.toThrow(/kept/)
        expect(await shop.getItem(lamp.id)).toEqual(lamp)
      })
    })

    describe('items', () => {
      it('creates an item with its tags and owner in one step, and reads it back', async () => {
        const ada = await newUser('ada')
        const lamp = await shop.createItem(ada.id, {
          name: 'Lamp',
          description: 'A desk lamp',
          price: 12.5,
          tax: 1.25,
          tags: ['light', 'home', 'light'],
        })
        expect(lamp).toEqual({
          id: expect.any(Number),
          name: 'Lamp',
          description: 'A desk lamp',
          price: 12.5,
          tax: 1.25,
          tags: ['home', 'light'],
          owner: 'ada',
        })
        expect(await shop.getItem(lamp.id)).toEqual(lamp)
        const plain = await shop.createItem(ada.id, { name: 'Box', price: 3 })
        expect(plain).toMatchObject({ description: null, tax: null, tags: [] })
        expect(plain.id).toBeGreaterThan(lamp.id)
      })

      it('takes many tags in one statement (D1 binds at most 100 parameters)', async () => {
        const ada = await newUser('ada')
        const tags = Array.from({ length: 150 }, (_, i) => `t${String(i).padStart(3, '0')}`)
        const item = await shop.createItem(ada.id, { name: 'Tagged', price: 1, tags })
        expect(item.tags).toEqual(tags)
        expect((await shop.listItems({ skip: 0, limit: 5, tags })).total).toBe(1)
      })

      it('leaves no item when inserting its tags fails (one transaction)', async () => {
        const ada = await newUser('ada')
        await sql`create trigger no_boom before insert on item_tags when new.tag = 'boom' begin select raise(abort, 'no boom'); end`.execute(
          db,
        )
        await expect(
          shop.createItem(ada.id, { name: 'Bad', price: 1, tags: ['ok', 'boom'] }),
        ).rejects.toThrow(/no boom/)
        expect(await shop.stats()).toEqual({ users: 1, items: 0 })
        expect(await db.selectFrom('item_tags').selectAll().execute()).toEqual([])
        expect(
          (await shop.createItem(ada.id, { name: 'Good', price: 1, tags: ['ok'] })).tags,
        ).toEqual(['ok'])
      })

      it('fails to create an item for an owner that does not exist (foreign key)', async () => {
        await expect(shop.createItem(999, { name: 'Orphan', price: 1 })).rejects.toThrow(
          /FOREIGN KEY/,
        )
        expect(await shop.stats()).toEqual({ users: 0, items: 0 })
      })

      it('answers undefined / false for items that do not exist', async () => {
        expect(await shop.getItem(999)).toBeUndefined()
        expect(await shop.updateItem(999, { name: 'x', tags: ['a'] })).toBeUndefined()
        expect(await shop.deleteItem(999)).toBe(false)
        expect(await db.selectFrom('item_tags').selectAll().execute()).toEqual([])
      })

      it('updates only the given fields', async () => {
        const ada = await newUser('ada')
        const lamp = await shop.createItem(ada.id, {
          name: 'Lamp',
          description: 'd',
          price: 10,
          tax: 1,
          tags: ['a'],
        })
        expect(await shop.updateItem(lamp.id, { price: 11 })).toEqual({ ...lamp, price: 11 })
        expect(await shop.updateItem(lamp.id, { description: null, tax: null })).toEqual({
          ...lamp,
          price: 11,
          description: null,
          tax: null,
        })
        expect(await shop.updateItem(lamp.id, {})).toEqual(await shop.getItem(lamp.id))
      })

      it('replaces all the tags when tags are given', async () => {
        const ada = await newUser('ada')
        const lamp = await shop.createItem(ada.id, { name: 'Lamp', price: 10, tags: ['a', 'b'] })
        expect((await shop.updateItem(lamp.id, { tags: ['c', 'b', 'c'] }))?.tags).toEqual([
          'b',
          'c',
        ])
        expect((await shop.updateItem(lamp.id, { name: 'Lamp 2' }))?.tags).toEqual(['b', 'c'])
        expect((await shop.updateItem(lamp.id, { tags: [] }))?.tags).toEqual([])
      })

      it('keeps the old fields and tags when an update fails part-way', async () => {
        const ada = await newUser('ada')
        const lamp = await shop.createItem(ada.id, { name: 'Lamp', price: 10, tags: ['a'] })
        await sql`create trigger no_boom before insert on item_tags when new.tag = 'boom' begin select raise(abort, 'no boom'); end`.execute(
          db,
        )
        await expect(shop.updateItem(lamp.id, { name: 'Changed', tags: ['boom'] })).rejects.toThrow(
          /no boom/,
        )
        expect(await shop.getItem(lamp.id)).toEqual(lamp)
      })

      it('deletes an item with its tags and image', async () => {
        const ada = await newUser('ada')
        const lamp = await shop.createItem(ada.id, { name: 'Lamp', price: 10, tags: ['a'] })
        await shop.putImage(lamp.id, {
          filename: 'l.png',
          contentType: 'image/png',
          data: new Uint8Array([1, 2]),
        })
        expect(await shop.deleteItem(lamp.id)).toBe(true)
        expect(await shop.getItem(lamp.id)).toBeUndefined()
        expect(await shop.getImage(lamp.id)).toBeUndefined()
        expect(await db.selectFrom('item_tags').selectAll().execute()).toEqual([])
        expect(await shop.deleteItem(lamp.id)).toBe(false)
      })
    })

    describe('listItems', () => {
      async function seed() {
        const ada = await newUser('ada')
        const bob = await newUser('bob')
        const made = []
        made.push(
          await shop.createItem(ada.id, {
            name: 'Red Lamp',
            description: 'bright',
            price: 1,
            tags: ['home', 'light'],
          }),
        )
        made.push(
          await shop.createItem(bob.id, {
            name: 'Chair',
            description: 'a RED chair',
            price: 2,
            tags: ['home'],
          }),
        )
        made.push(await shop.createItem(ada.id, { name: '100% wool', price: 3, tags: ['wear'] }))
        made.push(
          await shop.createItem(bob.id, {
            name: 'snake_case mug',
            description: null,
            price: 4,
            tags: ['home', 'light', 'kitchen'],
          }),
        )
        made.push(await shop.createItem(ada.id, { name: 'Plain', price: 5 }))
        return made
      }

      it('pages by id with the total of all items', async () => {
        const made = await seed()
        expect(await shop.listItems({ skip: 0, limit: 2 })).toEqual({
          items: made.slice(0, 2),
          total: 5,
        })
        expect(await shop.listItems({ skip: 4, limit: 2 })).toEqual({
          items: made.slice(4),
          total: 5,
        })
        expect(await shop.listItems({ skip: 10, limit: 2 })).toEqual({ items: [], total: 5 })
      })

      it('matches q in the name or description, case-insensitively', async () => {
        const made = await seed()
        const page = await shop.listItems({ skip: 0, limit: 10, q: 'red' })
        expect(page).toEqual({ items: [made[0], made[1]], total: 2 })
      })

      it('matches % and _ in q literally', async () => {
        const made = await seed()
        expect(await shop.listItems({ skip: 0, limit: 10, q: '%' })).toEqual({
          items: [made[2]],
          total: 1,
        })
        expect(await shop.listItems({ skip: 0, limit: 10, q: '_' })).toEqual({
          items: [made[3]],
          total: 1,
        })
        expect(await shop.listItems({ skip: 0, limit: 10, q: 'e_c' })).toEqual({
          items: [made[3]],
          total: 1,
        })
        expect(await shop.listItems({ skip: 0, limit: 10, q: 'e%c' })).toEqual({
          items: [],
          total: 0,
        })
        expect(await shop.listItems({ skip: 0, limit: 10, q: '\\' })).toEqual({
          items: [],
          total: 0,
        })
      })

      it('keeps items that have every given tag, counting the filtered set', async () => {
        const made = await seed()
        expect(await shop.listItems({ skip: 0, limit: 10, tags: ['home'] })).toEqual({
          items: [made[0], made[1], made[3]],
          total: 3,
        })
        expect(
          await shop.listItems({ skip: 0, limit: 1, tags: ['light', 'home', 'light'] }),
        ).toEqual({
          items: [made[0]],
          total: 2,
        })
        expect(await shop.listItems({ skip: 0, limit: 10, tags: ['home', 'wear'] })).toEqual({
          items: [],
          total: 0,
        })
        expect(await shop.listItems({ skip: 0, limit: 10, q: 'mug', tags: ['kitchen'] })).toEqual({
          items: [made[3]],
          total: 1,
        })
      })
    })

    describe('images', () => {
      it('stores, reads back and replaces an item’s image', async () => {
        const ada = await newUser('ada')
        const lamp = await shop.createItem(ada.id, { name: 'Lamp', price: 1 })
        const bytes = new Uint8Array([0, 1, 2, 127, 128, 255])
        expect(
          await shop.putImage(lamp.id, {
            filename: 'a.png',
            contentType: 'image/png',
            data: bytes.subarray(1),
          }),
        ).toBe(true)
        const image = await shop.getImage(lamp.id)
        expect(image).toEqual({
          filename: 'a.png',
          contentType: 'image/png',
          size: 5,
          data: bytes.slice(1),
        })
        expect(image?.data.constructor).toBe(Uint8Array)
        expect(
          await shop.putImage(lamp.id, {
            filename: 'b.jpg',
            contentType: 'image/jpeg',
            data: new Uint8Array([9]),
          }),
        ).toBe(true)
        expect(await shop.getImage(lamp.id)).toEqual({
          filename: 'b.jpg',
          contentType: 'image/jpeg',
          size: 1,
          data: new Uint8Array([9]),
        })
        const images = await db.selectFrom('item_images').select('item_id').execute()
        expect(images).toEqual([{ item_id: lamp.id }])
      })

      it('stores no image for an item that does not exist', async () => {
        expect(
          await shop.putImage(999, {
            filename: 'a',
            contentType: 'x/y',
            data: new Uint8Array([1]),
          }),
        ).toBe(false)
        expect(await shop.getImage(999)).toBeUndefined()
      })
    })

    describe('stats and ping', () => {
      it('counts users and items', async () => {
        const ada = await newUser('ada')
        await shop.createItem(ada.id, { name: 'a', price: 1 })
        await shop.createItem(ada.id, { name: 'b', price: 1 })
        expect(await shop.stats()).toEqual({ users: 1, items: 2 })
      })

      it('pings the database', async () => {
        await expect(shop.ping()).resolves.toBeUndefined()
      })
    })
  })
}

/**
 * Seeds a shop database file: the shop app itself creates the schema (its migrations run on the
 * first request) and signs up the bench user, then the items go in with one transaction of plain
 * inserts on the same driver.
 */
import { dependency } from '@brisk/router'
import { app } from '@brisk/shop'
import { openShopDatabase, shopDialect } from './database.ts'
import { findDependency } from './find-dependency.ts'
import { seededItem, shopUser } from './settings.ts'

/** Migrates `path` through the shop, signs up `shopUser`, inserts items 1..`items`. */
export async function seedShopDatabase(path: string, items: number): Promise<void> {
  const undo = app.override(
    findDependency(app, 'dialect'),
    dependency({ scope: 'app', name: 'dialect (bench seed)' }, () => shopDialect(path)),
  )
  try {
    const response = await app.fetch(
      new Request('http://shop/users', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(shopUser),
      }),
    )
    if (response.status !== 201)
      throw new Error(`sign-up answered ${response.status}: ${await response.text()}`)
    await app.shutdown()
  } finally {
    undo()
  }
  const db = openShopDatabase(path)
  try {
    const owner = db.prepare('select id from users where username = ?').get(shopUser.username) as {
      id: number
    }
    const item = db.prepare(
      'insert into items (id, owner_id, name, description, price, tax) values (?, ?, ?, ?, ?, ?)',
    )
    const tag = db.prepare('insert into item_tags (item_id, tag) values (?, ?)')
    db.exec('begin')
    for (let id = 1; id <= items; id++) {
      const { name, description, price, tax, tags } = seededItem(id)
      item.run(id, owner.id, name, description, price, tax)
      for (const value of tags) tag.run(id, value)
    }
    db.exec('commit')
    // The file alone holds everything once the WAL is checkpointed: copies of it need no -wal.
    db.exec('PRAGMA wal_checkpoint(TRUNCATE)')
  } finally {
    db.close()
  }
}

/** How many rows `items` has in the database at `path`. */
export function countItems(path: string): number {
  const db = openShopDatabase(path)
  try {
    return (db.prepare('select count(*) as n from items').get() as { n: number }).n
  } finally {
    db.close()
  }
}

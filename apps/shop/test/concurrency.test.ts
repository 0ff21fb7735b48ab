/** 1,000 concurrent item creations over the app on one SQLite file: every one lands, no 500. */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { app } from '../src/app.ts'
import { dialect } from '../src/db/dialect.ts'
import { sqliteNode } from '../src/db/sqlite-node.ts'
import { call, type ShopTarget, signedIn } from './contract.ts'

describe('the shop under concurrent writes (Node, a WAL file)', () => {
  const directory = mkdtempSync(join(tmpdir(), 'brisk-shop-'))
  afterAll(async () => {
    await app.shutdown()
    app.clearOverrides()
    rmSync(directory, { recursive: true, force: true })
  })

  it('creates 1,000 items sent at once: 1,000 rows, every answer a 201', async () => {
    app.override(dialect, sqliteNode(join(directory, 'shop.db')))
    const target: ShopTarget = { fetch: async (request) => app.fetch(request), adminKey: '' }
    const writer = await signedIn(target, 'bulk')
    const statuses = await Promise.all(
      Array.from({ length: 1000 }, (_, index) =>
        call(target, '/items', {
          method: 'POST',
          headers: { ...writer.auth, 'content-type': 'application/json' },
          body: JSON.stringify({
            name: `bulk ${index}`,
            price: 1,
            tags: ['bulk', `n${index % 7}`],
          }),
        }).then((response) => response.status),
      ),
    )
    expect(statuses.filter((status) => status !== 201)).toEqual([])
    const page = await call(target, '/items?tag=bulk&limit=1')
    expect(((await page.json()) as { total: number }).total).toBe(1000)
  })
})

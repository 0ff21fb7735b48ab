/** The shop's contract in-process on Node (`app.fetch`), on an in-memory SQLite database. */
import { afterAll, beforeAll, describe, it } from 'vitest'
import { app } from '../src/app.ts'
import { DEVELOPMENT_ADMIN_KEY } from '../src/config.ts'
import { dialect } from '../src/db/dialect.ts'
import { sqliteNode } from '../src/db/sqlite-node.ts'
import { type ShopTarget, shopCases } from './contract.ts'

describe('the shop in-process (Node, in-memory SQLite)', () => {
  const target: ShopTarget = {
    fetch: async (request) => app.fetch(request),
    adminKey: DEVELOPMENT_ADMIN_KEY,
  }
  beforeAll(async () => {
    // The README's test set-up: the one dependency that picks the driver, overridden.
    app.override(dialect, sqliteNode(':memory:'))
    await app.startup()
  })
  afterAll(async () => {
    await app.shutdown()
    app.clearOverrides()
  })

  for (const shopCase of shopCases) it(shopCase.name, () => shopCase.run(target))
})

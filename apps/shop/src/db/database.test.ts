import { createApp, dependency, get } from '@brisk/router'
import type { Dialect } from 'kysely'
import { describe, expect, it } from 'vitest'
import { database } from './database.ts'
import { dialect } from './dialect.ts'
import { repository } from './repository.ts'
import { sqliteNode, sqliteNodeDialect } from './sqlite-node.ts'

function appWithStats(onError: (error: unknown) => void = () => {}) {
  return createApp({
    routes: [
      get('/stats', { deps: { db: database } }, async ({ deps }) => repository(deps.db).stats()),
    ],
    onError,
  })
}

describe('the database dependency', () => {
  it('fails with a message naming the fix when no entry point chose a driver', async () => {
    const errors: unknown[] = []
    const app = appWithStats((error) => errors.push(error))
    const res = await app.request('/stats')
    expect(res.status).toBe(500)
    expect(String(errors[0])).toMatch(/no database driver.*entry points.*override `dialect`/)
    await app.shutdown()
  })

  it('migrates on first use, is shared by requests, and is destroyed at shutdown', async () => {
    let destroyed = 0
    const app = appWithStats()
    app.override(
      dialect,
      dependency({ scope: 'app' }, (): Dialect => {
        const inner = sqliteNodeDialect(':memory:')
        return {
          createAdapter: () => inner.createAdapter(),
          createQueryCompiler: () => inner.createQueryCompiler(),
          createIntrospector: (db) => inner.createIntrospector(db),
          createDriver: () => {
            const driver = inner.createDriver()
            const destroy = driver.destroy.bind(driver)
            driver.destroy = async () => {
              destroyed++
              await destroy()
            }
            return driver
          },
        }
      }),
    )
    const first = await app.request('/stats')
    expect(first.status).toBe(200)
    expect(await first.json()).toEqual({ users: 0, items: 0 })
    expect((await app.request('/stats')).status).toBe(200)
    expect(destroyed).toBe(0)
    await app.shutdown()
    expect(destroyed).toBe(1)
  })

  it('runs on the Node driver an entry point overrides it with', async () => {
    const app = appWithStats()
    app.override(dialect, sqliteNode(':memory:'))
    expect(await (await app.request('/stats')).json()).toEqual({ users: 0, items: 0 })
    await app.shutdown()
  })
})

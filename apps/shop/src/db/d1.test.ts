import { createApp, dependency, get, runtimeEnv } from '@brisk/router'
import { Kysely, sql } from 'kysely'
import { describe, expect, it } from 'vitest'
import { d1, d1Dialect } from './d1.ts'
import { database } from './database.ts'
import { dialect } from './dialect.ts'
import { repository } from './repository.ts'
import type { Database } from './schema.ts'
import { fakeD1 } from './testing/fake-d1.ts'
import { defineRepositoryCases } from './testing/repository-cases.ts'

defineRepositoryCases('the D1 dialect (over a D1 stand-in)', async () => {
  const d1 = fakeD1()
  const db = new Kysely<Database>({ dialect: d1Dialect(d1.binding) })
  // Close the stand-in's SQLite when the test destroys its Kysely.
  const destroy = db.destroy.bind(db)
  db.destroy = async () => {
    await destroy()
    d1.close()
  }
  return db
})

describe('d1Dialect transactions', () => {
  it('sends a transaction as one batch and fills its results in at commit', async () => {
    const d1 = fakeD1()
    const batches: number[] = []
    const batch = d1.binding.batch.bind(d1.binding)
    d1.binding.batch = (async (statements: Parameters<typeof batch>[0]) => {
      batches.push(statements.length)
      return batch(statements)
    }) as typeof batch
    const db = new Kysely<Database>({ dialect: d1Dialect(d1.binding) })
    await sql`create table t (x integer)`.execute(db)

    const inside: unknown[] = []
    const results = await db.transaction().execute(async (trx) => {
      const first = await trx.executeQuery(sql`insert into t values (1), (2)`.compile(trx))
      const second = await trx.executeQuery(sql`select x from t order by x`.compile(trx))
      inside.push(first.numAffectedRows, [...second.rows])
      return [first, second]
    })
    expect(batches).toEqual([2])
    expect(inside).toEqual([undefined, []])
    expect(results[0]?.numAffectedRows).toBe(2n)
    expect(results[1]?.rows).toEqual([{ x: 1 }, { x: 2 }])
    await db.destroy()
    d1.close()
  })

  it('runs nothing of a transaction whose callback throws', async () => {
    const d1 = fakeD1()
    const db = new Kysely<Database>({ dialect: d1Dialect(d1.binding) })
    await sql`create table t (x integer)`.execute(db)
    await expect(
      db.transaction().execute(async (trx) => {
        await trx.executeQuery(sql`insert into t values (1)`.compile(trx))
        throw new Error('changed my mind')
      }),
    ).rejects.toThrow('changed my mind')
    expect((await sql`select count(*) as n from t`.execute(db)).rows).toEqual([{ n: 0 }])
    await db.destroy()
    d1.close()
  })
})

describe('the d1 dependency', () => {
  // Off Workers, runtimeEnv() is the process environment: stand the bindings in for it.
  function statsApp(bindings: object, errors: unknown[] = []) {
    const app = createApp({
      routes: [
        get('/stats', { deps: { db: database } }, ({ deps }) => repository(deps.db).stats()),
      ],
      onError: (error) => errors.push(error),
    })
    app.override(dialect, d1)
    app.override(
      runtimeEnv<object>(),
      dependency({ scope: 'app' }, () => bindings),
    )
    return app
  }

  it("reads the DB binding from the Worker's env", async () => {
    const fake = fakeD1()
    const errors: unknown[] = []
    const app = statsApp({ DB: fake.binding }, errors)
    const res = await app.request('/stats')
    expect(errors).toEqual([])
    expect(res.status).toBe(200)
    expect(await res.json()).toEqual({ users: 0, items: 0 })
    await app.shutdown()
    fake.close()
  })

  it('names the missing binding', async () => {
    const errors: unknown[] = []
    const app = statsApp({}, errors)
    expect((await app.request('/stats')).status).toBe(500)
    expect(String(errors[0])).toMatch(/no `DB` binding/)
    await app.shutdown()
  })
})

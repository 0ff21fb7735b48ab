import { expect, test } from 'vitest'
import { createContainer, type DependencyContext, dependency } from './index.ts'

// The README example, with an in-memory `connect`, so the documented flow is proven to work.

interface Db {
  query(sql: string, ...params: unknown[]): Promise<unknown[]>
  close(): Promise<void>
}

test('the README example resolves a user, overrides the db in a test and closes everything', async () => {
  const log: string[] = []
  const connect = async (dsn: string): Promise<Db> => {
    log.push(`connect ${dsn}`)
    return {
      query: async (_sql, token) => (token === 'secret' ? [{ id: 7, name: 'grace' }] : []),
      close: async () => {
        log.push('close')
      },
    }
  }

  const settings = dependency({ scope: 'app' }, () => ({ dsn: 'postgres://localhost/app' }))
  const db = dependency({ scope: 'app', uses: { settings } }, async function* db({ settings }) {
    const connection = await connect(settings.dsn)
    try {
      yield connection
    } finally {
      await connection.close()
    }
  })
  const currentUser = dependency(
    { uses: { db } },
    async function currentUser({ db }, { inputs }: DependencyContext<{ token: string }>) {
      const [user] = await db.query('select id, name from users where token = $1', inputs.token)
      if (!user) throw new Error('Not authenticated')
      return user as { id: number; name: string }
    },
  )

  const container = createContainer()
  const plan = container.plan({ user: currentUser })
  await container.start()

  const scope = container.createScope({ token: 'secret' })
  try {
    expect(await plan.resolve(scope)).toEqual({ user: { id: 7, name: 'grace' } })
  } finally {
    await scope.close()
  }
  const stranger = container.createScope({ token: 'wrong' })
  await expect(plan.resolve(stranger)).rejects.toThrow(new Error('Not authenticated'))
  await stranger.close()

  const fakeDb = dependency({ scope: 'app' }, () => ({
    query: async () => [{ id: 1, name: 'ada' }],
    close: async () => {},
  }))
  const undo = container.override(db, fakeDb)
  const testScope = container.createScope({ token: 'any' })
  expect(await plan.resolve(testScope)).toEqual({ user: { id: 1, name: 'ada' } })
  await testScope.close()
  undo()

  await container.dispose()
  expect(log).toEqual(['connect postgres://localhost/app', 'close'])
})

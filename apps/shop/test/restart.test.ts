/**
 * Data survives a restart: the shop is started on a database, a user and an item are made, it is
 * stopped (Node: SIGTERM, which must shut down gracefully and exit 0) and started again on the same
 * database, where the item reads back and the user logs in again. Node, Bun, Deno (SQLite files)
 * and workerd (a persisted local D1, which the app migrates again at its second start).
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { fetchOverHttp } from '../../../packages/conformance/test/support/fetch-over-http.ts'
import { call, login, type ShopTarget, signedIn } from './contract.ts'
import { startShop } from './support/servers.ts'
import { TEST_SETTINGS } from './support/settings.ts'
import type { ExitStatus } from './support/spawn-server.ts'
import { startWorker } from './support/worker.ts'

const dir = mkdtempSync(join(tmpdir(), 'shop-restart-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

interface Running extends ShopTarget {
  stop(): Promise<ExitStatus | undefined>
}

const adminKey = TEST_SETTINGS.ADMIN_API_KEY
const served = (runtime: 'node' | 'bun' | 'deno') => async (): Promise<Running> => {
  const server = await startShop(runtime, join(dir, runtime, 'shop.db'))
  return { fetch: fetchOverHttp(server.baseUrl), adminKey, stop: () => server.stop() }
}

// `exit`: how stopping must end. Node's adapter handles SIGTERM (in-flight requests finish, the
// database closes, exit 0); Bun and Deno keep their default (killed by the signal), and SQLite has
// committed every write that was answered.
const runtimes = {
  node: { start: served('node'), exit: { code: 0, signal: null } },
  bun: { start: served('bun') },
  deno: { start: served('deno') },
  workerd: {
    start: async (): Promise<Running> => {
      const worker = await startWorker({ d1Persist: join(dir, 'workerd') })
      return { ...worker, adminKey, stop: async () => void (await worker.stop()) }
    },
  },
} satisfies Record<string, { start(): Promise<Running>; exit?: ExitStatus }>

describe.each(Object.entries(runtimes))('the shop on %s, restarted', (_runtime, runtime) => {
  it('keeps its users and items, and the user can log in again', async () => {
    const first = await runtime.start()
    let user: Awaited<ReturnType<typeof signedIn>>
    let item: { id: number }
    try {
      user = await signedIn(first, 'restart')
      const created = await call(first, '/items', {
        method: 'POST',
        headers: { ...user.auth, 'content-type': 'application/json' },
        body: JSON.stringify({ name: 'Kept lamp', price: 4.5, tags: ['kept'] }),
      })
      expect(created.status).toBe(201)
      item = (await created.json()) as { id: number }
    } finally {
      const status = await first.stop()
      if ('exit' in runtime) expect(status).toEqual(runtime.exit)
    }

    const second = await runtime.start()
    try {
      const read = await call(second, `/items/${item.id}`)
      expect(read.status).toBe(200)
      expect(await read.json()).toEqual(item)
      const again = await login(second, user.username, user.password)
      expect(again.status).toBe(200)
      const { access_token } = (await again.json()) as { access_token: string }
      const me = await call(second, '/users/me', {
        headers: { authorization: `Bearer ${access_token}` },
      })
      expect(me.status).toBe(200)
      expect(await me.json()).toMatchObject({ id: user.id, username: user.username })
    } finally {
      await second.stop()
    }
  })
})

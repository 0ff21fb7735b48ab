/** S5 inline: the same five steps as the DI chain, written out in one handler. */
import { createApp, get } from '@brisk/router'
import { accountView, createSettings, poolCheck, SessionToken, sessionOf } from '../chain.ts'
import type { Target } from '../contract.ts'

/** Builds the inline app, with a check that its connections are released. */
export function createInlineChainApp(): Target {
  const settings = createSettings()
  const me = get('/me', { headers: { x_session: SessionToken } }, async ({ headers }) => {
    const connection = await settings.pool.acquire()
    try {
      const session = sessionOf(connection, headers.x_session)
      const user = await connection.user(session.userId)
      return accountView(user, settings)
    } finally {
      settings.pool.release(connection)
    }
  })
  const app = createApp({ routes: [me] })
  return { fetch: app.fetch, verify: poolCheck(() => settings) }
}

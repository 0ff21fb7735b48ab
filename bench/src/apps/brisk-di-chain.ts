/**
 * S5 through dependency injection: a chain of five dependencies, one app-scoped, four
 * request-scoped, the connection a generator whose code after `yield` runs after the response.
 */
import { createApp, dependency, get } from '@brisk/router'
import {
  accountView,
  type Connection,
  createSettings,
  poolCheck,
  SessionToken,
  type Settings,
  sessionOf,
} from '../chain.ts'
import type { Target } from '../contract.ts'

/** Builds the DI app, with a check that its connections are released. */
export function createDiChainApp(): Target {
  let made: Settings | undefined
  const settings = dependency({ scope: 'app' }, () => {
    made = createSettings()
    return made
  })
  const connection = dependency({ uses: { settings } }, async function* ({ settings }) {
    const connection: Connection = await settings.pool.acquire()
    try {
      yield connection
    } finally {
      settings.pool.release(connection)
    }
  })
  const session = dependency(
    { uses: { connection }, inputs: { headers: { x_session: SessionToken } } },
    ({ connection }, { inputs }) => sessionOf(connection, inputs.headers.x_session),
  )
  const user = dependency({ uses: { connection, session } }, ({ connection, session }) =>
    connection.user(session.userId),
  )
  const account = dependency({ uses: { user, settings } }, ({ user, settings }) =>
    accountView(user, settings),
  )
  const app = createApp({ routes: [get('/me', { deps: { account } }, ({ deps }) => deps.account)] })
  return { fetch: app.fetch, verify: poolCheck(() => made) }
}

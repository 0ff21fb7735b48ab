/**
 * The shop on Bun: `bun src/bun.ts` (Bun serves the default export). bun:sqlite on the settings'
 * SQLite file; `PORT` and `HOST` pick the address.
 */
import { docs } from '@brisk/openapi'
import { localScalar } from '@brisk/openapi/scalar-local'
import { dependency } from '@brisk/router'
import { app } from './app.ts'
import { config } from './config.ts'
import { dialect } from './db/dialect.ts'
import { sqliteBunDialect } from './db/sqlite-bun.ts'

app.override(
  dialect,
  dependency({ scope: 'app', name: 'dialect (bun:sqlite)', uses: { config } }, ({ config }) =>
    sqliteBunDialect(config.SHOP_DATABASE),
  ),
)
docs(app, { scalar: localScalar(), title: 'Brisk shop' })
await app.startup() // bad settings stop here, before listening

export default {
  port: Number(process.env.PORT ?? 8000),
  hostname: process.env.HOST ?? '127.0.0.1',
  fetch: app.fetch,
}

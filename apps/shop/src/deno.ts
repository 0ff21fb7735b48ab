/**
 * The shop on Deno: `deno serve -A src/deno.ts` (Deno serves the default export). node:sqlite on
 * the settings' SQLite file.
 */
import { docs } from '@brisk/openapi'
import { localScalar } from '@brisk/openapi/scalar-local'
import { dependency } from '@brisk/router'
import { app } from './app.ts'
import { config } from './config.ts'
import { dialect } from './db/dialect.ts'
import { sqliteDenoDialect } from './db/sqlite-deno.ts'

app.override(
  dialect,
  dependency({ scope: 'app', name: 'dialect (node:sqlite)', uses: { config } }, ({ config }) =>
    sqliteDenoDialect(config.SHOP_DATABASE),
  ),
)
docs(app, { scalar: localScalar(), title: 'Brisk shop' })
await app.startup() // bad settings stop here, before listening

export default app

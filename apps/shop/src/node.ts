/**
 * Serves the shop on Node: libsql on the settings' SQLite file (`./data/shop.db`, made on first
 * start), the docs page with Scalar from the local package. `HOST` and `PORT` pick the address.
 * SIGTERM or SIGINT stops it gracefully (in-flight requests finish, the database is closed).
 */
import { docs } from '@brisk/openapi'
import { localScalar } from '@brisk/openapi/scalar-local'
import { dependency } from '@brisk/router'
import { serve } from '@brisk/router/node'
import { environmentParser } from '@brisk/validator'
import * as v from 'valibot'
import { app } from './app.ts'
import { config } from './config.ts'
import { dialect } from './db/dialect.ts'
import { sqliteNodeDialect } from './db/sqlite-node.ts'

const server = environmentParser({
  HOST: v.optional(v.string(), '127.0.0.1'),
  PORT: v.optional(v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(65_535)), 8000),
})(process.env)
if (!server.ok) {
  for (const issue of server.issues) console.error(`[shop] ${issue.loc[1]}: ${issue.msg}`)
  process.exit(2)
}
const { HOST, PORT } = server.value

app.override(
  dialect,
  dependency({ scope: 'app', name: 'dialect (libsql)', uses: { config } }, ({ config }) =>
    sqliteNodeDialect(config.SHOP_DATABASE),
  ),
)
docs(app, { scalar: localScalar(), title: 'Brisk shop' })

await serve(app, {
  port: PORT,
  hostname: HOST,
  onListen: ({ port, hostname }) => {
    const base = `http://${hostname.includes(':') ? `[${hostname}]` : hostname}:${port}`
    console.log(`Brisk shop is listening on ${base} (docs at ${base}/docs, pid ${process.pid})`)
  },
})

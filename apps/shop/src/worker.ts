/**
 * The shop as a Cloudflare Worker: D1 through the `DB` binding (see wrangler.jsonc), settings from
 * the Worker's vars and secrets, both read on the first request. The docs page serves Scalar's
 * standalone script from the bundle: there is no filesystem to read it from, so it is imported as
 * a string (the Text rule for `standalone.js` in wrangler.jsonc).
 */
import { docs } from '@brisk/openapi'
import scalarScript from '@scalar/api-reference/browser/standalone.js'
import { app } from './app.ts'
import { d1 } from './db/d1.ts'
import { dialect } from './db/dialect.ts'

app.override(dialect, d1)
docs(app, { scalar: { kind: 'inline', load: () => scalarScript }, title: 'Brisk shop' })

export default app

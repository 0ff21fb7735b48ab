/**
 * The shop as a Cloudflare Worker: D1 through the `DB` binding (see wrangler.jsonc), settings from
 * the Worker's vars and secrets, both read on the first request.
 */
import { app } from './app.ts'
import { d1 } from './db/d1.ts'
import { dialect } from './db/dialect.ts'

app.override(dialect, d1)

export default app

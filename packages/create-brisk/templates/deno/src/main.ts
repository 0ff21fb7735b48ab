/**
 * Serves the app on Deno (`deno task dev`); `npm start` runs it through `brisk run --runtime deno`.
 * `serve()` from `@brisk/router/deno` runs the app's shutdown (hooks, then app-scoped teardown)
 * on SIGTERM/SIGINT after in-flight requests finish.
 */
import { serve } from '@brisk/router/deno'
import app from './app.ts'

await serve(app, { port: Number(Deno.env.get('PORT') ?? 8000) })

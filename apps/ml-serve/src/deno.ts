/**
 * ml-serve on Deno: `deno run -A --conditions=source src/deno.ts`. `PORT` and `HOST` pick the
 * address; the model loads in the background (`/health`: `loading`, then `ready`). `serve` from
 * `@brisk/router/deno` also upgrades the WebSocket route, and SIGTERM or SIGINT stops it gracefully.
 */
import { docs } from '@brisk/openapi'
import { localScalar } from '@brisk/openapi/scalar-local'
import { serve } from '@brisk/router/deno'
import { app } from './app.ts'

docs(app, { scalar: localScalar(), title: 'Brisk ml-serve' })

// Bad settings stop here, before listening: `serve` starts the app first.
await serve(app, {
  port: Number(process.env.PORT ?? 8000),
  hostname: process.env.HOST ?? '127.0.0.1',
  onListen: ({ port, hostname }) =>
    console.log(`Brisk ml-serve is listening on http://${hostname}:${port}`),
})

/**
 * Serves the hello app on Node with its docs (Bun, Deno and Workers import `app.ts` directly).
 * SIGTERM or SIGINT to the printed pid stops it gracefully (`serve` handles both); `npm start`'s
 * script `exec`s node, so the same signal sent to npm reaches this process too.
 */
import { docs } from '@brisk/openapi'
import { localScalar } from '@brisk/openapi/scalar-local'
import { serve } from '@brisk/router/node'
import { app } from './app.ts'

docs(app, { scalar: localScalar(), title: 'Brisk hello' })

await serve(app, {
  port: Number(process.env.PORT ?? 8000),
  onListen: ({ port }) =>
    console.log(
      `Brisk hello is listening on http://localhost:${port} (docs at /docs, pid ${process.pid})`,
    ),
})

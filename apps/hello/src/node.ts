/** Serves the hello app on Node (Bun, Deno and Workers import `app.ts` directly). */
import { serve } from '@brisk/router/node'
import { app } from './app.ts'

await serve(app, {
  port: Number(process.env.PORT ?? 8000),
  onListen: ({ port }) => console.log(`Brisk hello is listening on http://localhost:${port}`),
})

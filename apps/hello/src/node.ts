/** Serves the hello app on Node (Bun, Deno and Workers import `app.ts` directly). */
import { serve } from '@hono/node-server'
import { app } from './app.ts'

const port = Number(process.env.PORT ?? 8000)

const server = serve({ fetch: app.fetch, port }, (info) => {
  console.log(`Brisk hello is listening on http://localhost:${info.port}`)
})

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => server.close(() => process.exit(0)))
}

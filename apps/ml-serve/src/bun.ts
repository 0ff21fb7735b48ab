/**
 * ml-serve on Bun: `bun --conditions=source src/bun.ts` (Bun serves the default export). `PORT` and
 * `HOST` pick the address; the model loads in the background (`/health`: `loading`, then `ready`).
 */
import { docs } from '@brisk/openapi'
import { localScalar } from '@brisk/openapi/scalar-local'
import { app } from './app.ts'

docs(app, { scalar: localScalar(), title: 'Brisk ml-serve' })
await app.startup() // bad settings stop here, before listening

export default {
  port: Number(process.env.PORT ?? 8000),
  hostname: process.env.HOST ?? '127.0.0.1',
  fetch: app.fetch,
}

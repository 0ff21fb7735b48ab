/**
 * Serves ml-serve on Node: `npm run start -w @brisk/ml-serve`. `HOST` and `PORT` pick the address;
 * the model loads right after the server listens (`/health` says `loading`, then `ready`, and a
 * line is printed). SIGTERM or SIGINT stops it gracefully: in-flight requests and queued jobs
 * finish, then the model is released.
 */
import { docs } from '@brisk/openapi'
import { localScalar } from '@brisk/openapi/scalar-local'
import { serve } from '@brisk/router/node'
import { environmentParser } from '@brisk/validator'
import * as v from 'valibot'
import { app } from './app.ts'

const server = environmentParser({
  HOST: v.optional(v.string(), '127.0.0.1'),
  PORT: v.optional(v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(65_535)), 8000),
})(process.env)
if (!server.ok) {
  for (const issue of server.issues) console.error(`[ml-serve] ${issue.loc[1]}: ${issue.msg}`)
  process.exit(2)
}
const { HOST, PORT } = server.value

docs(app, { scalar: localScalar(), title: 'Brisk ml-serve' })

await serve(app, {
  port: PORT,
  hostname: HOST,
  onListen: ({ port, hostname }) => {
    const base = `http://${hostname.includes(':') ? `[${hostname}]` : hostname}:${port}`
    console.log(`Brisk ml-serve is listening on ${base} (docs at ${base}/docs, pid ${process.pid})`)
    void announceReady(base)
  },
})

/** Prints one line once the model answered its warm-up (what a supervisor or a test waits for). */
async function announceReady(base: string) {
  for (;;) {
    const response = await app.request('/health')
    const body = (await response.json()) as { status: string; model?: string }
    if (body.status === 'ready') return console.log(`model ${body.model} ready on ${base}`)
    if (body.status === 'failed') return console.error('[ml-serve] the model failed to load')
    await new Promise((resolve) => setTimeout(resolve, 20))
  }
}

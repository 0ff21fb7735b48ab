/**
 * The peer of the ML bench: the same wink model behind a plain Hono route on @hono/node-server —
 * what a FastAPI-style app does (validate, call the model inline, answer), with no batching and
 * no queue. Same API key check and body limits. `node dist/ml/plain-hono-server.js <port>`.
 */
import { loadWinkSentiment } from '@brisk/ml-serve/serving'
import { serve } from '@hono/node-server'
import { Hono } from 'hono'
import * as v from 'valibot'

const Body = v.object({
  texts: v.pipe(
    v.array(v.pipe(v.string(), v.minLength(1), v.maxLength(5000))),
    v.minLength(1),
    v.maxLength(64),
  ),
})

const model = loadWinkSentiment()
const key = process.env.ML_API_KEY
const app = new Hono()
app.post('/v1/sentiment', async (c) => {
  if (!key || c.req.header('x-api-key') !== key) return c.json({ detail: 'Not authenticated' }, 401)
  const parsed = v.safeParse(Body, await c.req.json().catch(() => undefined))
  if (!parsed.success) return c.json({ detail: parsed.issues.map((issue) => issue.message) }, 422)
  return c.json({ model: model.name, results: model.predict(parsed.output.texts) })
})

const port = Number(process.argv[2] ?? 0)
serve({ fetch: app.fetch, port, hostname: '127.0.0.1' }, (info) =>
  console.log(`plain hono model server listening on http://127.0.0.1:${info.port}`),
)
process.once('SIGTERM', () => process.exit(0))

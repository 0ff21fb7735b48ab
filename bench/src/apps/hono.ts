/**
 * The peer: plain Hono + `@hono/valibot-validator` and `hono/jwt`, doing the same work as the Brisk
 * app.
 */
import { vValidator } from '@hono/valibot-validator'
import type { Context } from 'hono'
import { Hono } from 'hono'
import { jwt } from 'hono/jwt'
import * as v from 'valibot'
import { jwtSecret, meView } from '../peers/shared.ts'
import { Fields, ItemIn, ItemOut, storeItem, UserId, userView } from '../schemas.ts'

// Hono hands params over as strings, so the peer coerces them itself.
const Params = v.object({ id: v.pipe(v.string(), v.toNumber(), UserId) })
const Query = v.object({ fields: Fields })

type Result = { success: boolean; issues?: readonly v.BaseIssue<unknown>[] | undefined }

// FastAPI-style 422, the same shape Brisk answers with, so failures cost comparable work.
export function unprocessable(where: string) {
  return (result: Result, c: Context) => {
    if (result.success) return
    const detail = (result.issues ?? []).map((issue) => ({
      type: issue.type,
      loc: [where, ...(issue.path ?? []).map((item) => item.key as string | number)],
      msg: issue.message,
      input: issue.input,
    }))
    return c.json({ detail }, 422)
  }
}

/** Builds the Hono app. */
export function createHonoApp() {
  const app = new Hono()
  app.get(
    '/users/:id',
    vValidator('param', Params, unprocessable('path')),
    vValidator('query', Query, unprocessable('query')),
    (c) => c.json(userView(c.req.valid('param').id, c.req.valid('query').fields)),
  )
  app.post('/items', vValidator('json', ItemIn, unprocessable('body')), (c) =>
    c.json(v.parse(ItemOut, storeItem(c.req.valid('json'))), 201),
  )
  // S4: the JWT middleware as Hono's docs show it; the claims answered as by every peer.
  app.get('/me', jwt({ secret: jwtSecret, alg: 'HS256' }), (c) =>
    c.json(meView(c.get('jwtPayload') as { sub?: unknown; scope?: unknown })),
  )
  return app
}

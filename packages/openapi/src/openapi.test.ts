import { createApp, get, post, type RouteNode } from '@brisk/router'
import { HTTPException } from 'hono/http-exception'
import * as v from 'valibot'
import { describe, expect, it } from 'vitest'
import { checkDocument } from '../test/support/check-document.ts'
import { openapi } from './openapi.ts'

const info = { title: 'T', version: '1.0.0' }

/** A synthetic app with `count` routes of every shape, for size and validity checks. */
export function syntheticRoutes(count: number): RouteNode[] {
  const Thing = v.object({
    name: v.pipe(v.string(), v.maxLength(50)),
    size: v.optional(v.number()),
  })
  const routes: RouteNode[] = []
  for (let index = 0; index < count; index++) {
    routes.push(
      index % 2 === 0
        ? get(
            `/things${index}/{id}`,
            { params: { id: v.number() }, query: { q: v.optional(v.string()) }, response: Thing },
            () => ({ name: 'x' }),
          )
        : post(
            `/things${index}`,
            { body: Thing, status: 201, response: Thing },
            ({ body }) => body,
          ),
    )
  }
  return routes
}

describe('openapi', () => {
  it('serves the document once generated, at a configurable path', async () => {
    const app = createApp({ routes: [get('/a', { summary: 'A' }, () => 1)] })
    const spec = openapi(app, { info, path: '/spec.json' })
    const res = await app.request('/spec.json')
    expect(await res.json()).toEqual(spec.document())
    expect(spec.document()).toBe(spec.document())
    expect((await app.request('/openapi.json')).status).toBe(404)
  })

  it('can serve no document, or put it behind middleware', async () => {
    const hidden = createApp({ routes: [] })
    openapi(hidden, { info, path: false })
    expect((await hidden.request('/openapi.json')).status).toBe(404)
    const guarded = createApp({ routes: [] })
    openapi(guarded, {
      info,
      protect: async (c, next) => {
        if (c.req.header('x-key') !== 'k') throw new HTTPException(401, { message: 'no' })
        await next()
      },
    })
    expect((await guarded.request('/openapi.json')).status).toBe(401)
    expect((await guarded.request('/openapi.json', { headers: { 'x-key': 'k' } })).status).toBe(200)
  })

  it('documents a 500-route app validly', async () => {
    const app = createApp({ routes: syntheticRoutes(500) })
    const document = openapi(app, { info }).document()
    expect(Object.keys(document.paths)).toHaveLength(500)
    const check = await checkDocument(document)
    expect(check.schemaErrors).toBeUndefined()
    expect(check.lintErrors).toEqual([])
  })
})

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

describe('what the document cannot say', () => {
  const trimmed = () =>
    createApp({
      routes: [
        post('/names', { body: v.object({ name: v.pipe(v.string(), v.trim()) }) }, () => 1),
        post('/more', { body: v.object({ alias: v.pipe(v.string(), v.trim()) }) }, () => 1),
      ],
    })

  it('is reported once, when openapi() is called, naming the first route that uses it', async () => {
    const heard: (readonly string[])[] = []
    const app = trimmed()
    openapi(app, { info, onWarning: (warnings) => heard.push(warnings) })
    expect(heard).toEqual([['The "trim" action (first at POST /names)']])
    await app.request('/openapi.json')
    expect(heard).toHaveLength(1)
  })

  it('goes to one console.warn line by default', () => {
    const lines: unknown[][] = []
    const warn = console.warn
    console.warn = (...args: unknown[]) => lines.push(args)
    try {
      openapi(trimmed(), { info })
    } finally {
      console.warn = warn
    }
    expect(lines).toHaveLength(1)
    expect(String(lines[0]![0])).toMatch(
      /^\[brisk\/openapi\] .*"trim" action \(first at POST \/names\)$/,
    )
  })
})

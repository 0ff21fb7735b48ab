import { Hono } from 'hono'
import * as v from 'valibot'
import { describe, expect, test } from 'vitest'
import { validator } from './validator.ts'

const app = new Hono()
  .get(
    '/items/:id',
    validator({
      params: { id: v.pipe(v.number(), v.integer(), v.minValue(1)) },
      query: { tag: v.optional(v.array(v.string()), []), limit: v.optional(v.number(), 10) },
      headers: { x_trace: v.optional(v.string()) },
      cookies: { session: v.optional(v.string()) },
    }),
    (c) =>
      c.json({
        id: c.req.valid('param').id,
        query: c.req.valid('query'),
        trace: c.req.valid('header').x_trace ?? null,
        session: c.req.valid('cookie').session ?? null,
      }),
  )
  .post('/items', validator({ body: { name: v.string() } }), (c) =>
    c.json(c.req.valid('json'), 201),
  )
  .post(
    '/login',
    validator({ body: { user: v.string(), remember: v.boolean() }, bodyType: 'form' }),
    (c) => c.json(c.req.valid('form')),
  )
  .get(
    '/strict',
    validator({ query: { q: v.string() } }, { errorStatus: 400, errorFormat: 'problem' }),
    (c) => c.text(c.req.valid('query').q),
  )

describe('validator (Hono middleware)', () => {
  test('stores every validated location for c.req.valid', async () => {
    const response = await app.request('/items/7?tag=a&tag=b', {
      headers: { 'x-trace': 't1', cookie: 'session=s' },
    })
    expect(response.status).toBe(200)
    expect(await response.json()).toEqual({
      id: 7,
      query: { tag: ['a', 'b'], limit: 10 },
      trace: 't1',
      session: 's',
    })
  })

  test('answers 422 with FastAPI-style issues before the handler runs', async () => {
    const response = await app.request('/items/0?limit=lots')
    expect(response.status).toBe(422)
    expect(response.headers.get('content-type')).toBe('application/json')
    expect(await response.json()).toEqual({
      detail: [
        {
          type: 'greater_than_equal',
          loc: ['path', 'id'],
          msg: 'Input should be greater than or equal to 1',
          input: '0',
          ctx: { ge: 1 },
        },
        {
          type: 'float_parsing',
          loc: ['query', 'limit'],
          msg: 'Input should be a valid number, unable to parse string as a number',
          input: 'lots',
        },
      ],
    })
  })

  test('validates JSON bodies into c.req.valid("json")', async () => {
    const ok = await app.request('/items', {
      method: 'POST',
      body: JSON.stringify({ name: 'pen', secret: 1 }),
      headers: { 'content-type': 'application/json' },
    })
    expect(ok.status).toBe(201)
    expect(await ok.json()).toEqual({ name: 'pen' })
    const wrongType = await app.request('/items', { method: 'POST', body: 'name=pen' })
    expect(wrongType.status).toBe(415)
    expect(await wrongType.json()).toEqual({
      detail: 'Unsupported Media Type: expected application/json',
    })
  })

  test('validates form bodies into c.req.valid("form")', async () => {
    const response = await app.request('/login', {
      method: 'POST',
      body: new URLSearchParams({ user: 'ann', remember: 'yes' }),
    })
    expect(response.status).toBe(200)
    expect(await response.json()).toEqual({ user: 'ann', remember: true })
  })

  test('uses the options for status and format', async () => {
    const response = await app.request('/strict')
    expect(response.status).toBe(400)
    expect(response.headers.get('content-type')).toBe('application/problem+json')
    expect(await response.json()).toEqual({
      type: 'about:blank',
      title: 'Bad Request',
      status: 400,
      detail: 'Request validation failed',
      errors: [{ type: 'missing', loc: ['query', 'q'], msg: 'Field required', input: null }],
    })
  })
})

/**
 * Tests `excludeUnset`, `excludeDefaults` and `excludeNone` on a route, with FastAPI's tutorial
 * items (response_model_exclude_unset and friends) and the same answers.
 */
import * as v from 'valibot'
import { describe, expect, it } from 'vitest'
import { createApp } from './create-app.ts'
import { compileJsonWriter } from './internal/json-writer.ts'
import { respond } from './respond.ts'
import { get } from './route.ts'

const Item = v.object({
  name: v.string(),
  description: v.optional(v.nullable(v.string()), null),
  price: v.number(),
  tax: v.optional(v.number(), 10.5),
  tags: v.optional(v.array(v.string()), () => []),
})

const items = {
  foo: { name: 'Foo', price: 50.2 },
  bar: { name: 'Bar', description: 'The bartenders', price: 62, tax: 20.2 },
  baz: { name: 'Baz', description: null, price: 50.2, tax: 10.5, tags: [] },
} satisfies Record<string, v.InferInput<typeof Item>>

const byId: Record<string, v.InferInput<typeof Item>> = items

function appWith(options: { excludeUnset?: true; excludeDefaults?: true; excludeNone?: true }) {
  return createApp({
    routes: [
      get(
        '/items/{id}',
        { params: { id: v.string() }, response: Item, ...options },
        ({ params }) => {
          return byId[params.id]!
        },
      ),
    ],
  })
}

async function read(app: ReturnType<typeof appWith>, id: string) {
  const response = await app.request(`/items/${id}`)
  expect(response.status).toBe(200)
  return response.json()
}

describe('excludeUnset', () => {
  const app = appWith({ excludeUnset: true })

  it('leaves out the fields the returned value did not set', async () => {
    expect(await read(app, 'foo')).toEqual({ name: 'Foo', price: 50.2 })
  })

  it('keeps a field set explicitly to its default', async () => {
    expect(await read(app, 'baz')).toEqual({
      name: 'Baz',
      description: null,
      price: 50.2,
      tax: 10.5,
      tags: [],
    })
  })
})

describe('excludeDefaults', () => {
  it('leaves out the fields equal to their default, set or not', async () => {
    const app = appWith({ excludeDefaults: true })
    expect(await read(app, 'baz')).toEqual({ name: 'Baz', price: 50.2 })
    expect(await read(app, 'bar')).toEqual({
      name: 'Bar',
      description: 'The bartenders',
      price: 62,
      tax: 20.2,
    })
  })
})

describe('excludeNone', () => {
  it('leaves out the fields whose value is null', async () => {
    const app = appWith({ excludeNone: true })
    expect(await read(app, 'baz')).toEqual({ name: 'Baz', price: 50.2, tax: 10.5, tags: [] })
    expect(await read(app, 'foo')).toEqual({ name: 'Foo', price: 50.2, tax: 10.5, tags: [] })
  })
})

describe('exclude options', () => {
  it('filter nested objects, arrays of objects and every status with a schema', async () => {
    const Order = v.object({ id: v.number(), items: v.array(Item), main: v.optional(Item) })
    const Problem = v.object({ detail: v.string(), hint: v.optional(v.string(), 'none') })
    const app = createApp({
      routes: [
        get(
          '/orders/{id}',
          {
            params: { id: v.number() },
            response: Order,
            responses: { 404: Problem },
            excludeUnset: true,
          },
          ({ params }) =>
            params.id === 1
              ? { id: 1, items: [items.foo, items.baz], main: { name: 'Main', price: 1 } }
              : respond(404, { detail: 'No such order' }),
        ),
      ],
    })
    expect(await (await app.request('/orders/1')).json()).toEqual({
      id: 1,
      items: [
        { name: 'Foo', price: 50.2 },
        { name: 'Baz', description: null, price: 50.2, tax: 10.5, tags: [] },
      ],
      main: { name: 'Main', price: 1 },
    })
    const missing = await app.request('/orders/2')
    expect(missing.status).toBe(404)
    expect(await missing.json()).toEqual({ detail: 'No such order' })
  })

  it('give the same body on the compiled writer and on safeParse (a schema it cannot compile)', async () => {
    // A fallback is left to Valibot: the route answers through safeParse, not the compiled writer.
    const Fallback = v.fallback(Item, {
      name: 'none',
      description: null,
      price: 0,
      tax: 10.5,
      tags: [],
    })
    expect(compileJsonWriter(Fallback)).toBeUndefined()
    const app = createApp({
      routes: [
        get('/compiled', { response: Item, excludeUnset: true }, () => items.foo),
        get('/parsed', { response: Fallback, excludeUnset: true }, () => items.foo),
      ],
    })
    const body = { name: 'Foo', price: 50.2 }
    expect(await (await app.request('/compiled')).json()).toEqual(body)
    expect(await (await app.request('/parsed')).json()).toEqual(body)
  })

  it('leave a route without them as it was: defaults filled in, nulls sent', async () => {
    const app = createApp({ routes: [get('/i', { response: Item }, () => items.foo)] })
    expect(await (await app.request('/i')).json()).toEqual({
      name: 'Foo',
      description: null,
      price: 50.2,
      tax: 10.5,
      tags: [],
    })
  })

  it('throw at createApp on a route with no response schema, naming it', () => {
    expect(() =>
      createApp({ routes: [get('/x', { excludeNone: true }, () => ({ a: null }))] }),
    ).toThrow(
      "Route GET /x: excludeUnset, excludeDefaults and excludeNone need a response schema (set 'response' or 'responses')",
    )
  })
})

import * as v from 'valibot'
import { describe, expect, it } from 'vitest'
import { createApp } from '../create-app.ts'
import { dependency } from '../dependency.ts'
import { get } from '../route.ts'

// The planner runs at createApp: these go through it, as a user meets it.
describe('planning a route at createApp', () => {
  it('accepts a wrapped location schema and validates through it', async () => {
    const app = createApp({
      routes: [
        get(
          '/items/{id}',
          // @ts-expect-error the types ask for an object schema; a wrapped one still works at run time
          { params: v.optional(v.object({ id: v.pipe(v.number(), v.integer()) })) },
          ({ params }: { params: { id: number } | undefined }) => ({ id: params?.id }),
        ),
      ],
    })
    expect(await (await app.request('/items/7')).json()).toEqual({ id: 7 })
    expect((await app.request('/items/x')).status).toBe(422)
  })

  it('refuses a location that is not an object, naming the route', () => {
    expect(() =>
      createApp({ routes: [get('/x', { query: v.string() as never }, () => 'x')] }),
    ).toThrow(
      'Route GET /x: @brisk/validator: query must be an object schema or an object of field schemas',
    )
  })

  it('refuses path params that are not declared, naming the route', () => {
    expect(() => createApp({ routes: [get('/items/{id}', () => 'x')] })).toThrow(
      "Route GET /items/{id}: path parameter(s) 'id' not declared in 'params'",
    )
  })

  it('refuses a field two declarations give different schemas', () => {
    const paging = dependency({ name: 'paging', inputs: { query: { page: v.number() } } }, () => 1)
    expect(() =>
      createApp({
        routes: [get('/x', { query: { page: v.string() }, deps: { paging } }, () => 'x')],
      }),
    ).toThrow(
      "Route GET /x: query field 'page' is declared with different schemas (dependency 'paging')",
    )
  })

  it('publishes each operation as frozen plain data, its dependencies listed', () => {
    const paging = dependency({ name: 'paging', inputs: { query: { page: v.number() } } }, () => 1)
    const app = createApp({ routes: [get('/x', { deps: { paging } }, () => 'x')] })
    const [operation] = app.operations
    expect(Object.isFrozen(operation)).toBe(true)
    expect(Object.getOwnPropertyDescriptor(operation, 'inputs')?.get).toBeUndefined()
    expect(operation?.dependencies.map((used) => used.name)).toEqual(['paging'])
    expect(Object.keys(operation?.inputs.query ?? {})).toEqual(['page'])
  })

  it('plans again when an override changes the graph, and undoes an override that breaks it', async () => {
    const paging = dependency({ name: 'paging', inputs: { query: { page: v.number() } } }, () => 1)
    const fixed = dependency({ name: 'fixed' }, () => 2)
    const clash = dependency({ name: 'clash', inputs: { query: { q: v.number() } } }, () => 3)
    const app = createApp({
      routes: [
        get('/x', { query: { q: v.string() }, deps: { paging } }, ({ deps }) => deps.paging),
      ],
    })
    expect((await app.request('/x?q=a')).status).toBe(422) // page is required
    const undo = app.override(paging, fixed)
    expect(app.operations[0]?.inputs.query).not.toHaveProperty('page')
    expect(await (await app.request('/x?q=a')).json()).toBe(2)
    undo()
    expect((await app.request('/x?q=a')).status).toBe(422)
    expect(() => app.override(paging, clash)).toThrow(
      "Route GET /x: query field 'q' is declared with different schemas (dependency 'clash')",
    )
    expect(await (await app.request('/x?q=a&page=5')).json()).toBe(1) // still the original graph
  })
})

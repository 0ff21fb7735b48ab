import { dependency } from '@brisk/router'
import { afterEach, describe, expect, it } from 'vitest'
import { app } from './app.ts'
import { itemStore, memoryStore } from './store.ts'

const json = (body: unknown) => ({
  method: 'POST',
  headers: { 'content-type': 'application/json' },
  body: JSON.stringify(body),
})

describe('the API', () => {
  afterEach(() => app.clearOverrides())

  it('greets', async () => {
    const res = await app.request('/')
    expect(res.status).toBe(200)
    expect(await res.json()).toEqual({ message: 'Hello from {{name}}' })
  })

  it('creates an item and reads it back', async () => {
    const created = await app.request('/items', json({ name: 'desk', price: 80 }))
    expect(created.status).toBe(201)
    const item = (await created.json()) as { id: number }
    expect(item).toEqual({ id: item.id, name: 'desk', price: 80 })
    expect(await (await app.request(`/items/${item.id}`)).json()).toEqual(item)
  })

  it('answers 422 naming each invalid field', async () => {
    const res = await app.request('/items', json({ name: '', price: -1 }))
    expect(res.status).toBe(422)
    const { detail } = (await res.json()) as { detail: { loc: string[] }[] }
    expect(detail.map((issue) => issue.loc)).toEqual([
      ['body', 'name'],
      ['body', 'price'],
    ])
  })

  it('reads from a replaced store (an override, as for a test database)', async () => {
    const fake = memoryStore([{ id: 7, name: 'fake', price: 1 }])
    app.override(
      itemStore,
      dependency({ scope: 'app' }, () => fake),
    )
    expect(await (await app.request('/items/7')).json()).toEqual({ id: 7, name: 'fake', price: 1 })
    expect((await app.request('/items/1')).status).toBe(404)
  })
})

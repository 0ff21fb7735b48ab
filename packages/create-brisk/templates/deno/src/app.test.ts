import { deepStrictEqual, strictEqual } from 'node:assert/strict'
import { dependency } from '@brisk/router'
import { app } from './app.ts'
import { itemStore, memoryStore } from './store.ts'

const json = (body: unknown) => ({
  method: 'POST',
  headers: { 'content-type': 'application/json' },
  body: JSON.stringify(body),
})

Deno.test('greets', async () => {
  deepStrictEqual(await (await app.request('/')).json(), { message: 'Hello from {{name}}' })
})

Deno.test('creates an item and reads it back', async () => {
  const created = await app.request('/items', json({ name: 'desk', price: 80 }))
  strictEqual(created.status, 201)
  const item = (await created.json()) as { id: number }
  deepStrictEqual(await (await app.request(`/items/${item.id}`)).json(), item)
})

Deno.test('answers 422 for an invalid item', async () => {
  const res = await app.request('/items', json({ name: '', price: -1 }))
  strictEqual(res.status, 422)
  await res.body?.cancel()
})

Deno.test('reads from a replaced store (an override)', async () => {
  const undo = app.override(
    itemStore,
    dependency({ scope: 'app' }, () => memoryStore([{ id: 7, name: 'fake', price: 1 }])),
  )
  try {
    deepStrictEqual(await (await app.request('/items/7')).json(), { id: 7, name: 'fake', price: 1 })
  } finally {
    undo()
  }
})

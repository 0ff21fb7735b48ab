import { dependency } from '@brisk/router'
import { afterEach, describe, expect, it } from 'vitest'
import { app, itemStore } from './app.ts'
import { openItemStore } from './store.ts'

const postItem = (body: unknown, headers: Record<string, string> = {}) =>
  app.request('/items', {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
  })

describe('hello app', () => {
  afterEach(() => app.clearOverrides())

  it('greets', async () => {
    expect(await (await app.request('/')).json()).toEqual({ message: 'Hello from Brisk' })
  })

  it('creates an item from a JSON body, then reads it back', async () => {
    const created = await postItem(
      { name: 'lamp', price: 12.5, secret: 'dropped' },
      { 'x-request-id': 'r-1' },
    )
    expect(created.status).toBe(201)
    expect(created.headers.get('x-request-id')).toBe('r-1')
    const item = (await created.json()) as { id: number }
    expect(item).toEqual({ id: item.id, name: 'lamp', price: 12.5, tags: [] })
    expect(await (await app.request(`/items/${item.id}`)).json()).toEqual(item)
  })

  it('reads from an overridden store in tests', async () => {
    const fake = openItemStore()
    fake.add({ name: 'fake', price: 1, tags: ['test'] })
    app.override(
      itemStore,
      dependency(() => fake),
    )
    expect(await (await app.request('/items/1')).json()).toEqual({
      id: 1,
      name: 'fake',
      price: 1,
      tags: ['test'],
    })
  })

  it('answers 404 for a missing item', async () => {
    app.override(
      itemStore,
      dependency(() => openItemStore()),
    )
    const res = await app.request('/items/999')
    expect(res.status).toBe(404)
    expect(await res.json()).toEqual({ detail: 'Item not found' })
  })

  it('explains a bad body, a too-long request id header included', async () => {
    const res = await postItem({ name: '', price: -1 }, { 'x-request-id': 'x'.repeat(65) })
    expect(res.status).toBe(422)
    const { detail } = (await res.json()) as { detail: { type: string; loc: unknown[] }[] }
    expect(detail.map((issue) => [issue.type, issue.loc])).toEqual([
      ['string_too_long', ['header', 'x-request-id']],
      ['string_too_short', ['body', 'name']],
      ['greater_than_equal', ['body', 'price']],
    ])
  })

  it('coerces query values and collects repeated keys', async () => {
    const res = await app.request('/search?q=lamp&limit=5&tag=a&tag=b')
    expect(await res.json()).toEqual({ q: 'lamp', limit: 5, tag: ['a', 'b'] })
  })

  it('never leaks the password hash and answers 404 for unknown users', async () => {
    expect(await (await app.request('/users/1')).json()).toEqual({
      id: 1,
      name: 'Ada',
      email: 'ada@example.com',
    })
    const missing = await app.request('/users/9')
    expect(missing.status).toBe(404)
    expect(await missing.json()).toEqual({ detail: 'User not found' })
  })

  it('streams tokens as server-sent events', async () => {
    const res = await app.request('/generate?prompt=hello%20world&max_tokens=3')
    expect(await res.text()).toBe(
      'data: {"token":"hello","index":0}\n\ndata: {"token":"world","index":1}\n\ndata: {"token":"hello","index":2}\n\n',
    )
  })
})

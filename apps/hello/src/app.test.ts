import { describe, expect, it } from 'vitest'
import { app } from './app.ts'

describe('hello app', () => {
  it('greets', async () => {
    expect(await (await app.request('/')).json()).toEqual({ message: 'Hello from Brisk' })
  })

  it('reads an item with a coerced path parameter and an optional query', async () => {
    const res = await app.request('/items/5?q=blue')
    expect(await res.json()).toEqual({ item_id: 5, q: 'blue' })
  })

  it('creates an item from a JSON body', async () => {
    const res = await app.request('/items', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'lamp', price: 12.5, secret: 'dropped' }),
    })
    expect(res.status).toBe(201)
    expect(await res.json()).toEqual({ id: 1, name: 'lamp', price: 12.5, tags: [] })
  })

  it('explains a bad body', async () => {
    const res = await app.request('/items', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ name: '', price: -1 }),
    })
    expect(res.status).toBe(422)
    const { detail } = (await res.json()) as { detail: { type: string; loc: unknown[] }[] }
    expect(detail.map((issue) => [issue.type, issue.loc])).toEqual([
      ['string_too_short', ['body', 'name']],
      ['greater_than_equal', ['body', 'price']],
    ])
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

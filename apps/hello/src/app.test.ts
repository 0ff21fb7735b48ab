import { dependency } from '@brisk/router'
import { afterEach, describe, expect, it } from 'vitest'
import { app, itemStore } from './app.ts'
import { openItemStore } from './store.ts'

/** Logs in through the token endpoint, as a client (or Scalar's docs) would. */
async function login(username: string, password: string, scope: string) {
  const res = await app.request('/token', {
    method: 'POST',
    body: new URLSearchParams({ grant_type: 'password', username, password, scope }),
  })
  return res
}

async function tokenFor(username: string, password: string, scope: string) {
  const { access_token } = (await (await login(username, password, scope)).json()) as {
    access_token: string
  }
  return access_token
}

const writer = await tokenFor('alice', 'wonderland', 'items:read items:write')

const postItem = (body: unknown, headers: Record<string, string> = {}) =>
  app.request('/items', {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      authorization: `Bearer ${writer}`,
      ...headers,
    },
    body: JSON.stringify(body),
  })

describe('hello app', () => {
  afterEach(() => app.clearOverrides())

  it('issues tokens for good credentials only, with the scopes asked for and allowed', async () => {
    const good = await login('bob', 'builder', 'items:read items:write')
    expect(good.status).toBe(200)
    expect(good.headers.get('cache-control')).toBe('no-store')
    expect(await good.json()).toMatchObject({ token_type: 'Bearer', scope: 'items:read' })
    const bad = await login('bob', 'wrong', 'items:read')
    expect(bad.status).toBe(400)
    expect(await bad.json()).toMatchObject({ error: 'invalid_grant' })
  })

  it('tells who is calling, and refuses callers without a valid token', async () => {
    const token = await tokenFor('bob', 'builder', 'items:read')
    const me = await app.request('/me', { headers: { authorization: `Bearer ${token}` } })
    expect(await me.json()).toEqual({ subject: 'bob', scopes: ['items:read'] })
    const anonymous = await app.request('/me')
    expect(anonymous.status).toBe(401)
    expect(anonymous.headers.get('www-authenticate')).toBe('Bearer')
    expect(await anonymous.json()).toEqual({ detail: 'Not authenticated' })
  })

  it('needs the items:write scope to create an item', async () => {
    const reader = await tokenFor('bob', 'builder', 'items:read')
    const res = await app.request('/items', {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${reader}` },
      body: JSON.stringify({ name: 'lamp', price: 1 }),
    })
    expect(res.status).toBe(403)
    expect(res.headers.get('www-authenticate')).toBe(
      'Bearer error="insufficient_scope", scope="items:write"',
    )
    expect(await res.json()).toEqual({ detail: 'Not enough permissions' })
  })

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

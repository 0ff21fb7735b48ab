/**
 * The shop through `@brisk/client`, typed from `typeof app`: sign up, log in with the OAuth2
 * password form, then call secured routes with the token — in-process, on in-memory SQLite.
 */
import { createClient } from '@brisk/client'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { app } from '../src/app.ts'
import { dialect } from '../src/db/dialect.ts'
import { sqliteNode } from '../src/db/sqlite-node.ts'

describe('the shop through the typed client', () => {
  beforeAll(async () => {
    app.override(dialect, sqliteNode(':memory:'))
    await app.startup()
  })
  afterAll(async () => {
    await app.shutdown()
    app.clearOverrides()
  })

  const fetch = (request: Request) => app.fetch(request)

  it('signs up, logs in and calls secured routes with the token', async () => {
    const api = createClient<typeof app>('http://shop.test', { fetch })
    const signUp = await api['/users'].post({
      body: { username: 'grace', email: 'grace@example.com', password: 'correct horse' },
    })
    expect(signUp.status).toBe(201)
    if (signUp.status === 201) expect(signUp.data.username).toBe('grace')

    const login = await api['/auth/token'].post({
      form: {
        grant_type: 'password',
        username: 'grace',
        password: 'correct horse',
        scope: 'items:write',
      },
    })
    if (login.status !== 200)
      throw new Error(`login answered ${login.status}: ${JSON.stringify(login.data)}`)
    const token = login.data.access_token

    const signedIn = createClient<typeof app>('http://shop.test', {
      fetch,
      headers: { authorization: `Bearer ${token}` },
    })
    const me = await signedIn['/users/me'].get()
    expect(me.status).toBe(200)
    if (me.status === 200) expect(me.data.username).toBe('grace')

    const created = await signedIn['/items'].post({
      body: { name: 'Lamp', price: 30, tags: ['home', 'light'] },
    })
    if (created.status !== 201) throw new Error(`create answered ${created.status}`)
    const read = await signedIn['/items/{item_id}'].get({ params: { item_id: created.data.id } })
    expect(read.status).toBe(200)
    if (read.status === 200) expect(read.data).toMatchObject({ name: 'Lamp', owner: 'grace' })
  })

  it('gets the typed 401 without a token and the typed 422 for a bad id', async () => {
    const api = createClient<typeof app>('http://shop.test', { fetch })
    const anonymous = await api['/users/me'].get()
    expect(anonymous.status).toBe(401)
    if (anonymous.status === 401) expect(anonymous.data.detail).toBe('Not authenticated')

    const health = await api['/health'].get()
    expect(health.status).toBe(200)
    const bad = await api['/items/{item_id}'].get({ params: { item_id: 0 } })
    expect(bad.status).toBe(422)
    if (bad.status === 422) expect(bad.data.detail[0]?.loc).toEqual(['path', 'item_id'])
  })
})

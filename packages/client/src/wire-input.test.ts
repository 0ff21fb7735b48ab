import { createApp, get, post } from '@brisk/router'
import { alias } from '@brisk/validator'
import * as v from 'valibot'
import { describe, expect, it } from 'vitest'
import { createClient } from './create-client.ts'

const app = createApp({
  routes: [
    get(
      '/items',
      {
        query: { q: v.optional(v.pipe(v.string(), alias('item-query'))) },
        headers: { token: v.optional(v.pipe(v.string(), alias('X-Token'))) },
        cookies: { sid: v.optional(v.pipe(v.string(), alias('session-id'))) },
      },
      ({ query, headers, cookies }) => ({ query, headers, cookies }),
    ),
    post(
      '/items',
      {
        body: v.object({
          itemName: v.pipe(v.string(), alias('item-name')),
          parts: v.optional(v.array(v.object({ partNo: v.pipe(v.string(), alias('part-no')) }))),
        }),
      },
      ({ body }) => body,
    ),
    post(
      '/form',
      { body: { fullName: v.pipe(v.string(), alias('full-name')) }, bodyType: 'form' },
      ({ body }) => body,
    ),
  ],
})
const api = createClient<typeof app>('http://app.test', { fetch: (r) => app.request(r) })

describe('a client of aliased fields', () => {
  it('sends query, header and cookie fields under their aliases', async () => {
    const answer = await api['/items'].get({
      query: { 'item-query': 'foo' },
      headers: { 'X-Token': 't1' },
      cookies: { 'session-id': 's1' },
    })
    expect(answer.status).toBe(200)
    expect(answer.data).toEqual({
      query: { q: 'foo' },
      headers: { token: 't1' },
      cookies: { sid: 's1' },
    })
  })

  it('sends JSON keys (nested too) and form fields under their aliases', async () => {
    const body = await api['/items'].post({
      body: { 'item-name': 'a', parts: [{ 'part-no': 'p1' }] },
    })
    expect(body.status).toBe(200)
    expect(body.data).toEqual({ itemName: 'a', parts: [{ partNo: 'p1' }] })
    const form = await api['/form'].post({ form: { 'full-name': 'Ada' } })
    expect(form.status).toBe(200)
    expect(form.data).toEqual({ fullName: 'Ada' })
  })
})

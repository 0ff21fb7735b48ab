import * as v from 'valibot'
import { describe, expect, it } from 'vitest'
import { createApp } from './create-app.ts'
import { post } from './route.ts'
import { router } from './router.ts'

const Offer = v.object({ price: v.number(), gift: v.optional(v.boolean()) })
const send = (app: ReturnType<typeof createApp>, path: string, body: unknown) =>
  app.request(path, {
    method: 'POST',
    body: JSON.stringify(body),
    headers: { 'content-type': 'application/json' },
  })
const echo = ({ body }: { body: unknown }) => body

describe('lax mode on the app, a router or a route', () => {
  it('is off by default, on where set, and the nearest setting wins', async () => {
    const app = createApp({
      routes: [
        post('/strict', { body: Offer }, echo),
        post('/lax', { body: Offer, lax: true }, echo),
        router({ prefix: '/loose', lax: true }, [
          post('/offer', { body: Offer }, echo),
          post('/strict', { body: Offer, lax: false }, echo),
        ]),
      ],
    })
    const offer = { price: '9.5', gift: 'yes' }
    expect((await send(app, '/strict', offer)).status).toBe(422)
    expect(await (await send(app, '/lax', offer)).json()).toEqual({ price: 9.5, gift: true })
    expect(await (await send(app, '/loose/offer', offer)).json()).toEqual({
      price: 9.5,
      gift: true,
    })
    expect((await send(app, '/loose/strict', offer)).status).toBe(422)
  })

  it('an app-wide lax applies to every route', async () => {
    const app = createApp({ lax: true, routes: [post('/offer', { body: Offer }, echo)] })
    const refused = await send(app, '/offer', { price: 'free' })
    expect(refused.status).toBe(422)
    expect((await refused.json()).detail[0]).toMatchObject({
      type: 'float_parsing',
      loc: ['body', 'price'],
      input: 'free',
    })
  })
})

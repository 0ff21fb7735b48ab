/** The API: its routes, the dependencies they use, its OpenAPI document (/openapi.json) and docs (/docs). */
import { docs, openapi } from '@brisk/openapi'
import { createApp, get, HTTPException, post, router, settings } from '@brisk/router'
import * as v from 'valibot'
import { itemStore } from './store.ts'

/** Read once at startup from the environment (see .env.example); a bad value stops the server. */
const config = settings({
  APP_NAME: v.optional(v.pipe(v.string(), v.minLength(1)), '{{name}}'),
})

const NewItem = v.object({
  name: v.pipe(v.string(), v.minLength(1), v.maxLength(100)),
  price: v.pipe(v.number(), v.minValue(0)),
})
const Item = v.object({ id: v.number(), ...NewItem.entries })

const items = router({ prefix: '/items', tags: ['items'] }, [
  get('', { deps: { store: itemStore }, response: v.array(Item) }, ({ deps }) => deps.store.list()),
  get(
    '/{id}',
    {
      params: { id: v.pipe(v.number(), v.integer()) },
      deps: { store: itemStore },
      response: Item,
    },
    ({ params, deps }) => {
      const item = deps.store.get(params.id)
      if (!item) throw new HTTPException(404, 'Item not found')
      return item
    },
  ),
  post(
    '',
    { body: NewItem, status: 201, deps: { store: itemStore }, response: Item },
    ({ body, deps }) => deps.store.add(body),
  ),
])

export const app = createApp({
  routes: [
    get('/', { deps: { config } }, ({ deps }) => ({
      message: `Hello from ${deps.config.APP_NAME}`,
    })),
    items,
  ],
})

openapi(app, { info: { title: '{{name}}', version: '0.1.0' } })
docs(app, { title: '{{name}}' })

export default app

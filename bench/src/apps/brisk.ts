/** The Brisk app under test: the same two routes, declared as values. */
import { createApp, get, post } from '@brisk/router'
import { Fields, ItemIn, ItemOut, storeItem, UserId, userView } from '../schemas.ts'

const getUser = get(
  '/users/{id}',
  { params: { id: UserId }, query: { fields: Fields } },
  ({ params, query }) => userView(params.id, query.fields),
)

const createItem = post('/items', { body: ItemIn, status: 201, response: ItemOut }, ({ body }) =>
  storeItem(body),
)

/** Builds the Brisk app. */
export function createBriskApp() {
  return createApp({ routes: [getUser, createItem] })
}

/** The Brisk app under test: the same routes as the Hono app, declared as values. */
import { jwtTokens, oauth2Password } from '@brisk/auth'
import { createApp, get, post } from '@brisk/router'
import { jwtIssuer, jwtSecret } from '../peers/shared.ts'
import { Fields, ItemIn, ItemOut, storeItem, UserId, userView } from '../schemas.ts'

const getUser = get(
  '/users/{id}',
  { params: { id: UserId }, query: { fields: Fields } },
  ({ params, query }) => userView(params.id, query.fields),
)

const createItem = post('/items', { body: ItemIn, status: 201, response: ItemOut }, ({ body }) =>
  storeItem(body),
)

const oauth2 = oauth2Password({
  tokenUrl: '/token',
  scopes: { 'items:read': 'Read items', 'items:write': 'Create items' },
  // The bench's tokens say `typ: JWT` and live an hour (the defaults: `at+jwt`, 15 minutes).
  tokens: jwtTokens({
    secret: jwtSecret,
    issuer: jwtIssuer,
    audience: jwtIssuer,
    typ: 'JWT',
    expiresIn: 7200,
  }),
})

/** S4: `GET /me` behind `@brisk/auth`'s bearer tokens; the HTTP app (`peers/brisk-app.ts`) too. */
export const readMe = get(
  '/me',
  { deps: { principal: oauth2.user } },
  ({ deps: { principal } }) => ({
    sub: principal.subject,
    scopes: principal.scopes,
  }),
)

/** Builds the Brisk app. */
export function createBriskApp() {
  return createApp({ routes: [getUser, createItem, readMe] })
}

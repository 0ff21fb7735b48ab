/**
 * The Brisk shop: users, OAuth2 sign-in, items with tags and images, a live feed of new items and
 * an operators' API, on SQLite through Kysely. Secure by default (every route needs a token
 * unless marked public). One module for Node, Bun, Deno and Workers: each entry point only picks
 * its SQLite driver (`dialect`) and serves it.
 */
import { openapi } from '@brisk/openapi'
import { createApp } from '@brisk/router'
import { secureHeaders } from 'hono/secure-headers'
import { admin } from './routes/admin.ts'
import { health } from './routes/health.ts'
import { items } from './routes/items.ts'
import { auth, users } from './routes/users.ts'
import { Item, ItemIn, User } from './schemas.ts'
import { oauth2 } from './security.ts'

export const app = createApp({
  security: [oauth2.user],
  middleware: [secureHeaders()],
  routes: [auth, users, items, admin, health],
})

/** The OpenAPI document at /openapi.json (each entry adds the /docs page its runtime can serve). */
export const spec = openapi(app, {
  info: {
    title: 'Brisk shop',
    version: '0.1.0',
    description:
      'Sign up with `POST /users`, then log in (the Authorize button) with the `items:write` scope to create items.',
  },
  tags: [
    { name: 'auth', description: 'OAuth2 password flow' },
    { name: 'users', description: 'Sign-up and the signed-in user' },
    { name: 'items', description: 'Items with tags and an image; a live feed of new ones' },
    { name: 'admin', description: 'Operators, with the X-API-Key' },
    { name: 'health', description: 'Liveness' },
  ],
  schemas: { Item, ItemIn, User },
})

export default app

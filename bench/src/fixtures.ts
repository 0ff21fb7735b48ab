/** The requests each benchmark sends and the answers every app must give. */
import { benchToken, forgedToken } from './tokens.ts'

/** One benchmarked route: how to build its request and what a correct answer is. */
export interface Case {
  name: string
  good: () => Request
  bad: () => Request
  status: number
  body: string
  /** What `bad()` must be answered with: 422 for invalid input, 401 for a missing token. */
  badStatus: number
}

const base = 'http://localhost'

const item = {
  name: 'Ergonomic standing desk',
  price: 499.99,
  tags: (
    'office furniture desk standing ergonomic oak electric adjustable height-memory ' +
    'cable-tray dual-motor anti-collision warranty-5y home-office'
  ).split(' '),
  dimensions: { w: 160, h: 125, d: 80 },
  variants: Array.from({ length: 10 }, (_, i) => ({
    sku: `DESK-OAK-${160 + i * 10}`,
    stock: i * 7,
  })),
  description:
    'A solid oak standing desk with a dual-motor electric frame, four memory presets, cable tray, ' +
    'anti-collision sensor and a five-year warranty. Ships flat-packed in two boxes; assembly takes ' +
    'about forty minutes with the included tools. Not declared in the schema: must be stripped.',
}

/** The `POST /items` request body (~1 KB, with the undeclared `description`). */
export const itemJson = JSON.stringify(item)
const { description: _, ...declared } = item
const jsonHeaders = { 'content-type': 'application/json' }

/** `GET /users/{id}?fields=a,b` */
export const getUser: Case = {
  name: 'GET /users/{id}',
  good: () => new Request(`${base}/users/42?fields=a,b`),
  bad: () => new Request(`${base}/users/0?fields=a,b`),
  status: 200,
  body: JSON.stringify({ id: 42, name: 'user42', fields: ['a', 'b'] }),
  badStatus: 422,
}

/** `POST /items` with a ~1 KB JSON body. */
export const postItem: Case = {
  name: 'POST /items',
  good: () =>
    new Request(`${base}/items`, { method: 'POST', headers: jsonHeaders, body: itemJson }),
  bad: () =>
    new Request(`${base}/items`, {
      method: 'POST',
      headers: jsonHeaders,
      body: JSON.stringify({ ...item, price: -1 }),
    }),
  status: 201,
  body: JSON.stringify({ id: 1, ...declared }),
  badStatus: 422,
}

/** `GET /me` with an `x-session` header (S5: a dependency chain vs the same work inline). */
export const getMe: Case = {
  name: 'GET /me',
  good: () => new Request(`${base}/me`, { headers: { 'x-session': 's-42' } }),
  bad: () => new Request(`${base}/me`),
  status: 200,
  body: JSON.stringify({ id: 42, name: 'user42', currency: 'EUR', tier: 'gold' }),
  // The header is declared as an input, so its absence is a validation failure.
  badStatus: 422,
}

/** `GET /me` with `Authorization: Bearer <HS256 JWT>` (S4: verify the token, answer its claims). */
export const getMeJwt: Case = {
  name: 'GET /me (JWT)',
  good: () => new Request(`${base}/me`, { headers: { authorization: `Bearer ${benchToken}` } }),
  // A bad signature, not a missing header: the check proves the signature is verified.
  bad: () => new Request(`${base}/me`, { headers: { authorization: `Bearer ${forgedToken}` } }),
  status: 200,
  body: JSON.stringify({ sub: 'user42', scopes: ['items:read', 'items:write'] }),
  badStatus: 401,
}

/** Size of the `POST /items` request body in bytes. */
export const itemBytes = new TextEncoder().encode(itemJson).length

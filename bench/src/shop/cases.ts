/**
 * S7 and S8, the database scenarios: the requests the load generator repeats, the answers both
 * servers must give and the requests they must refuse. S8's bearer tokens are signed once, at load,
 * valid for the shop's token lifetime (30 minutes: its verifier refuses longer-lived tokens).
 */
import type { HttpCase, HttpRequest } from '../http/cases.ts'
import { signHs256Jwt } from '../tokens.ts'
import {
  readItemId,
  seededItem,
  shopIssuer,
  shopJwtSecret,
  shopTokenLifetime,
  shopTokenType,
  shopUser,
} from './settings.ts'

const now = Math.floor(Date.now() / 1000)
const header = { alg: 'HS256', typ: shopTokenType }
const claims = (scope: string) => ({
  sub: shopUser.username,
  scope,
  iss: shopIssuer,
  aud: shopIssuer,
  iat: now,
  exp: now + shopTokenLifetime,
})

/** `bench`'s token with `items:write`, as the shop's `/auth/token` would issue it. */
export const writerToken = await signHs256Jwt(header, claims('items:write'), shopJwtSecret)
const readerToken = await signHs256Jwt(header, claims(''), shopJwtSecret)
const forgedToken = await signHs256Jwt(header, claims('items:write'), 'not-the-shop-secret')

const newItem = {
  name: 'Bench desk lamp',
  description: 'An adjustable lamp, created by the S8 benchmark.',
  price: 34.9,
  tax: 6.63,
  tags: ['home', 'lighting', 'desk', 'home'],
}

// ~2k req/s: 1.5 s of warm-up left the first repetition ~1.5–3× the CPU per request of the
// later ones (JIT still compiling); 4.5 s leaves them within noise.
const warmupScale = 3

const read = (path: string): HttpRequest => ({ method: 'GET', path })
const create = (body: unknown, token: string | null = writerToken): HttpRequest => ({
  method: 'POST',
  path: '/items',
  headers: {
    'content-type': 'application/json',
    ...(token === null ? {} : { authorization: `Bearer ${token}` }),
  },
  body: JSON.stringify(body),
})

/** S7 and S8, in table order. */
export const shopCases: readonly HttpCase[] = [
  {
    scenario: 'S7',
    title: 'GET /items/{id} (SQLite read)',
    request: read(`/items/${readItemId}`),
    status: 200,
    type: 'application/json',
    body: seededItem(readItemId),
    warmupScale,
    rejects: [
      { label: 'id 0', request: read('/items/0'), status: 422 },
      { label: 'id abc', request: read('/items/abc'), status: 422 },
      { label: 'no such item', request: read('/items/999999999'), status: 404 },
    ],
  },
  {
    scenario: 'S8',
    title: 'POST /items (SQLite transaction, JWT)',
    request: create(newItem),
    status: 201,
    type: 'application/json',
    body: {
      id: 0,
      name: newItem.name,
      description: newItem.description,
      price: newItem.price,
      tax: newItem.tax,
      tags: ['desk', 'home', 'lighting'],
      owner: shopUser.username,
    },
    anyNumber: ['id'],
    warmupScale,
    rejects: [
      { label: 'no token', request: create(newItem, null), status: 401 },
      { label: 'bad signature', request: create(newItem, forgedToken), status: 401 },
      { label: 'no items:write scope', request: create(newItem, readerToken), status: 403 },
      { label: 'price 0', request: create({ ...newItem, price: 0 }), status: 422 },
      { label: 'name ""', request: create({ ...newItem, name: '' }), status: 422 },
      { label: 'tax -1', request: create({ ...newItem, tax: -1 }), status: 422 },
      {
        label: '21 tags',
        request: create({ ...newItem, tags: Array.from({ length: 21 }, (_, i) => `t${i}`) }),
        status: 422,
      },
      { label: 'tag ""', request: create({ ...newItem, tags: [''] }), status: 422 },
      {
        label: 'description 1001 chars',
        request: create({ ...newItem, description: 'x'.repeat(1001) }),
        status: 422,
      },
    ],
  },
]

/**
 * The HTTP contract: for each scenario the request the load generator repeats, the answer every
 * peer must give, and requests every peer must reject. Built from the in-process fixtures.
 */
import { itemJson, postItem } from '../fixtures.ts'
import type { ScenarioId } from '../peers/index.ts'
import { catalog } from '../peers/shared.ts'
import { shopCases } from '../shop/cases.ts'
import { benchToken, forgedToken } from '../tokens.ts'

/** A request as autocannon and `fetch` both take it. */
export interface HttpRequest {
  method: 'GET' | 'POST'
  path: string
  headers?: Record<string, string>
  body?: string
}

export interface HttpCase {
  scenario: ScenarioId
  title: string
  request: HttpRequest
  status: number
  /** `text/plain` bodies compare as text, JSON ones by value (key order is free). */
  type: 'text/plain' | 'application/json'
  body: unknown
  /**
   * The warm-up's length as a multiple of the budget's: a scenario at a few thousand req/s gets
   * too few requests in the usual warm-up for V8 to finish optimising (S7/S8).
   */
  warmupScale?: number
  /** Top-level keys of a JSON body whose value may be any number (a created row's id). */
  anyNumber?: readonly string[]
  /** Requests that must fail, with the status they must fail with. */
  rejects: { label: string; request: HttpRequest; status: number }[]
}

const json = { 'content-type': 'application/json' }
const get = (path: string, headers?: Record<string, string>): HttpRequest =>
  headers ? { method: 'GET', path, headers } : { method: 'GET', path }
const post = (path: string, body: string): HttpRequest => ({
  method: 'POST',
  path,
  headers: json,
  body,
})

/** Every HTTP scenario, in table order. */
export const httpCases: readonly HttpCase[] = [
  {
    scenario: 'S1',
    title: 'GET / (text)',
    request: get('/'),
    status: 200,
    type: 'text/plain',
    body: 'ok',
    rejects: [],
  },
  {
    scenario: 'S2',
    title: 'GET /users/{id}?fields',
    request: get('/users/42?fields=name,email'),
    status: 200,
    type: 'application/json',
    body: { id: 42, name: 'user42', fields: ['name', 'email'] },
    rejects: [
      { label: 'id 0', request: get('/users/0?fields=name'), status: 422 },
      { label: 'id 1e9+1', request: get('/users/1000000001'), status: 422 },
      { label: 'id abc', request: get('/users/abc'), status: 422 },
      { label: 'id 4.5', request: get('/users/4.5'), status: 422 },
    ],
  },
  {
    scenario: 'S3',
    title: 'POST /items (1 KB JSON)',
    request: post('/items', itemJson),
    status: 201,
    type: 'application/json',
    body: JSON.parse(postItem.body),
    rejects: [
      {
        label: 'price -1',
        request: post('/items', JSON.stringify({ ...JSON.parse(itemJson), price: -1 })),
        status: 422,
      },
      {
        label: 'name ""',
        request: post('/items', JSON.stringify({ ...JSON.parse(itemJson), name: '' })),
        status: 422,
      },
      {
        label: 'stock 1.5',
        request: post('/items', itemJson.replace('"stock":0', '"stock":1.5')),
        status: 422,
      },
    ],
  },
  {
    scenario: 'S4',
    title: 'GET /me (HS256 JWT)',
    request: get('/me', { authorization: `Bearer ${benchToken}` }),
    status: 200,
    type: 'application/json',
    body: { sub: 'user42', scopes: ['items:read', 'items:write'] },
    rejects: [
      { label: 'no token', request: get('/me'), status: 401 },
      {
        label: 'bad signature',
        request: get('/me', { authorization: `Bearer ${forgedToken}` }),
        status: 401,
      },
    ],
  },
  {
    scenario: 'S6',
    title: 'GET /items?limit=100',
    request: get('/items?limit=100'),
    status: 200,
    type: 'application/json',
    body: catalog.map(({ secret: _, ...visible }) => visible),
    rejects: [
      { label: 'limit 0', request: get('/items?limit=0'), status: 422 },
      { label: 'limit 101', request: get('/items?limit=101'), status: 422 },
    ],
  },
  // The database scenarios, served by the shop's own peers (`peers/brisk-shop.ts`, `fastify-shop.ts`).
  ...shopCases,
]

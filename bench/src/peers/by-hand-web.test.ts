import { describe, expect, it } from 'vitest'
import { checkContract } from '../contract.ts'
import { getMeJwt, getUser, postItem } from '../fixtures.ts'
import { type HttpRequest, httpCases } from '../http/cases.ts'
import { shopCases } from '../shop/cases.ts'
import { byHandFetch } from './by-hand-web.ts'

const send = (request: HttpRequest) => {
  const init: RequestInit = { method: request.method }
  if (request.headers) init.headers = request.headers
  if (request.body !== undefined) init.body = request.body
  return byHandFetch(new Request(`http://127.0.0.1:8080${request.path}`, init))
}

// Not the database scenarios (S7, S8): only the shop's peers serve them (`shop/shop-contract.test.ts`).
const database = new Set(shopCases.map((test) => test.scenario))

describe('the web-standard by-hand handler', () => {
  for (const test of httpCases.filter((candidate) => !database.has(candidate.scenario))) {
    it(`answers ${test.scenario} ${test.title} as the HTTP contract says`, async () => {
      const response = await send(test.request)
      expect(response.status).toBe(test.status)
      expect(response.headers.get('content-type')).toBe(test.type)
      const text = await response.text()
      expect(test.type === 'text/plain' ? text : JSON.parse(text)).toEqual(test.body)
    })
    for (const reject of test.rejects) {
      it(`rejects ${test.scenario} ${reject.label} with ${reject.status}`, async () => {
        const response = await send(reject.request)
        expect(response.status).toBe(reject.status)
        expect(response.headers.get('content-type')).toBe('application/json')
      })
    }
  }

  it('answers a body that is not JSON with a 422 naming the body', async () => {
    const response = await send({ method: 'POST', path: '/items', body: '{"name":' })
    expect(response.status).toBe(422)
    expect(await response.json()).toEqual({ detail: [{ loc: ['body'], msg: 'invalid JSON' }] })
  })

  it('answers an unknown route with a 404', async () => {
    const response = await byHandFetch(new Request('http://127.0.0.1/items', { method: 'DELETE' }))
    expect(response.status).toBe(404)
    expect(await response.json()).toEqual({ detail: 'Not Found' })
  })

  for (const test of [getUser, postItem, getMeJwt]) {
    it(`passes the in-process contract for ${test.name}`, async () => {
      expect(await checkContract({ fetch: byHandFetch }, test)).toEqual([])
    })
  }
})

/** Cases for JSON, urlencoded and multipart bodies, and the media types they require. */
import { expect } from 'vitest'
import type { Case } from '../target.ts'
import { call, expectIssues, expectJson, issue, jsonBody } from './http.ts'

const product = {
  name: 'Lamp',
  price: 19.5,
  variants: [
    { sku: 'L-1', stock: 3 },
    { sku: 'L-2', stock: 0 },
  ],
}

function avatarForm(file: Blob, filename = 'avatar.png'): FormData {
  const form = new FormData()
  form.set('title', 'me')
  form.set('avatar', file, filename)
  return form
}

export const bodyCases: Case[] = [
  {
    name: "lax mode (a router's lax: true): numeric and boolean strings coerce, an unparseable one is float_parsing with the string sent",
    run: async (target) => {
      const offer = { price: ' 9.5 ', quantity: '3.0', gift: 'y' }
      await expectJson(await call(target, '/lax/offer', jsonBody(offer)), 200, {
        price: 9.5,
        quantity: 3,
        gift: true,
      })
      const refused = await call(target, '/lax/offer', jsonBody({ price: 'free', quantity: 1 }))
      await expectIssues(refused, [issue('float_parsing', ['body', 'price'], 'free')])
    },
  },
  {
    name: 'a valid JSON body reaches the handler and the route status is 201',
    run: async (target) => {
      await expectJson(await call(target, '/products', jsonBody(product)), 201, product)
    },
  },
  {
    name: 'application/json with a charset parameter is accepted',
    run: async (target) => {
      const response = await call(target, '/products', {
        method: 'POST',
        headers: { 'content-type': 'application/json; charset=utf-8' },
        body: JSON.stringify(product),
      })
      await expectJson(response, 201, product)
    },
  },
  {
    name: 'nested issues carry their full loc, in document order',
    run: async (target) => {
      const variants = [
        { sku: 'a', stock: 1 },
        { stock: 1 },
        { sku: 'c', stock: 1 },
        { sku: 'd', stock: -1 },
      ]
      const response = await call(target, '/products', jsonBody({ ...product, name: '', variants }))
      await expectIssues(response, [
        issue('string_too_short', ['body', 'name'], ''),
        issue('missing', ['body', 'variants', 1, 'sku'], { stock: 1 }),
        issue('greater_than_equal', ['body', 'variants', 3, 'stock'], -1),
      ])
    },
  },
  {
    name: 'a JSON number where a string belongs is not coerced',
    run: async (target) => {
      const response = await call(target, '/products', jsonBody({ ...product, name: 5 }))
      await expectIssues(response, [issue('string_type', ['body', 'name'], 5)])
    },
  },
  {
    name: 'a JSON number too large to be finite (1e999) is 422 finite_number, naming where',
    run: async (target) => {
      const body = (price: string, stock: string) =>
        `{"name":"Lamp","price":${price},"variants":[{"sku":"L-1","stock":${stock}}]}`
      const post = (text: string) =>
        call(target, '/products', {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: text,
        })
      await expectIssues(await post(body('1e999', '3')), [
        issue('finite_number', ['body', 'price'], 'Infinity'),
      ])
      await expectIssues(await post(body('19.5', '-1e400')), [
        issue('finite_number', ['body', 'variants', 0, 'stock'], '-Infinity'),
      ])
      // The largest finite double is still a number.
      const largest = await post(body('1.7976931348623157e308', '3'))
      expect(largest.status).toBe(201)
    },
  },
  {
    name: 'an empty body sent as application/json (Content-Length: 0) is 422 missing at ["body"]',
    run: async (target) => {
      const response = await call(target, '/products', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: '',
      })
      await expectIssues(response, [issue('missing', ['body'], null)])
    },
  },
  {
    name: 'malformed JSON is 422 json_invalid at the offset where it goes wrong',
    run: async (target) => {
      const response = await call(target, '/products', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: '{"name": "Lamp",',
      })
      await expectIssues(response, [
        {
          type: 'json_invalid',
          loc: ['body', 16],
          msg: 'JSON decode error',
          input: {},
          ctx: { error: 'Expecting property name enclosed in double quotes' },
        },
      ])
    },
  },
  {
    name: 'a text/plain body on a JSON route is 415',
    run: async (target) => {
      const response = await call(target, '/products', {
        method: 'POST',
        headers: { 'content-type': 'text/plain' },
        body: JSON.stringify(product),
      })
      await expectJson(response, 415, { detail: expect.any(String) })
    },
  },
  {
    name: 'application/jsonx is not JSON: 415',
    run: async (target) => {
      const response = await call(target, '/products', {
        method: 'POST',
        headers: { 'content-type': 'application/jsonx' },
        body: JSON.stringify(product),
      })
      await expectJson(response, 415, { detail: expect.any(String) })
    },
  },
  {
    name: 'a missing body with no content type on a JSON route is 415',
    run: async (target) => {
      const response = await call(target, '/products', { method: 'POST' })
      await expectJson(response, 415, { detail: expect.any(String) })
    },
  },
  {
    name: 'an urlencoded form is coerced like a query string',
    run: async (target) => {
      const response = await call(target, '/form', {
        method: 'POST',
        body: new URLSearchParams('name=Ada&age=36&tags=a&tags=b'),
      })
      await expectJson(response, 200, { name: 'Ada', age: 36, tags: ['a', 'b'] })
    },
  },
  {
    name: 'a form route also accepts multipart fields',
    run: async (target) => {
      const form = new FormData()
      form.set('name', 'Ada')
      form.set('age', '36')
      await expectJson(await call(target, '/form', { method: 'POST', body: form }), 200, {
        name: 'Ada',
        age: 36,
      })
    },
  },
  {
    name: 'an invalid form field is 422 at ["body","age"]',
    run: async (target) => {
      const response = await call(target, '/form', {
        method: 'POST',
        body: new URLSearchParams('name=Ada&age=old'),
      })
      await expectIssues(response, [issue('int_parsing', ['body', 'age'], 'old')])
    },
  },
  {
    name: 'JSON sent to a form route is 415',
    run: async (target) => {
      const response = await call(target, '/form', jsonBody({ name: 'Ada', age: 36 }))
      await expectJson(response, 415, { detail: expect.any(String) })
    },
  },
  {
    name: 'a multipart upload delivers the file with its name, type and bytes',
    run: async (target) => {
      const png = new Blob(['\x89PNG fake'], { type: 'image/png' })
      const response = await call(target, '/upload', { method: 'POST', body: avatarForm(png) })
      await expectJson(response, 200, {
        title: 'me',
        avatar: { name: 'avatar.png', type: 'image/png', size: 10, text: '\x89PNG fake' },
      })
    },
  },
  {
    name: 'a file of the wrong MIME type is 422 at ["body","avatar"]',
    run: async (target) => {
      const gif = new Blob(['GIF89a'], { type: 'image/gif' })
      const response = await call(target, '/upload', {
        method: 'POST',
        body: avatarForm(gif, 'avatar.gif'),
      })
      expect(response.status).toBe(422)
      const { detail } = (await response.json()) as { detail: { loc: unknown }[] }
      expect(detail.map((entry) => entry.loc)).toEqual([['body', 'avatar']])
    },
  },
  {
    name: "a file's MIME type is its part's Content-Type, not its filename's extension",
    needs: ['partContentType'],
    run: async (target) => {
      const gif = new Blob(['GIF89a'], { type: 'image/gif' })
      const response = await call(target, '/upload', {
        method: 'POST',
        body: avatarForm(gif, 'avatar.png'),
      })
      expect(response.status).toBe(422)
      const { detail } = (await response.json()) as { detail: { loc: unknown }[] }
      expect(detail.map((entry) => entry.loc)).toEqual([['body', 'avatar']])
    },
  },
  {
    name: 'a file over its size limit is 422 at ["body","avatar"]',
    run: async (target) => {
      const big = new Blob([new Uint8Array(2048)], { type: 'image/png' })
      const response = await call(target, '/upload', { method: 'POST', body: avatarForm(big) })
      expect(response.status).toBe(422)
      const { detail } = (await response.json()) as { detail: { loc: unknown }[] }
      expect(detail.map((entry) => entry.loc)).toEqual([['body', 'avatar']])
    },
  },
  {
    name: 'a text field where a file belongs is 422',
    run: async (target) => {
      const form = new FormData()
      form.set('title', 'me')
      form.set('avatar', 'not a file')
      const response = await call(target, '/upload', { method: 'POST', body: form })
      expect(response.status).toBe(422)
      const { detail } = (await response.json()) as { detail: { loc: unknown }[] }
      expect(detail.map((entry) => entry.loc)).toEqual([['body', 'avatar']])
    },
  },
  {
    name: 'an urlencoded body on a multipart-only route is 415',
    run: async (target) => {
      const response = await call(target, '/upload', {
        method: 'POST',
        body: new URLSearchParams('title=me&avatar=x'),
      })
      await expectJson(response, 415, { detail: expect.any(String) })
    },
  },
]

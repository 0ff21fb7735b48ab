/** Cases for path, header and cookie inputs, and the order of issues across locations. */
import { expect } from 'vitest'
import type { Case } from '../target.ts'
import { call, expectIssues, expectJson, issue } from './http.ts'
import { rawHttp } from './node-raw-http.ts'

export const inputCases: Case[] = [
  {
    name: 'a path parameter is coerced to its declared integer',
    run: async (target) => {
      await expectJson(await call(target, '/items/42'), 200, { id: 42, type: 'number' })
    },
  },
  {
    name: 'a path parameter that is not an integer is 422 at ["path","id"]',
    run: async (target) => {
      await expectIssues(await call(target, '/items/abc'), [
        issue('int_parsing', ['path', 'id'], 'abc'),
      ])
    },
  },
  {
    name: 'a path parameter below its minimum is 422 greater_than_equal',
    run: async (target) => {
      await expectIssues(await call(target, '/items/0'), [
        issue('greater_than_equal', ['path', 'id'], '0'),
      ])
    },
  },
  {
    name: 'a header field x_trace reads the x-trace header, case-insensitively',
    run: async (target) => {
      const response = await call(target, '/headers', {
        headers: { 'X-Trace': 'abc-123', 'x-retries': '3' },
      })
      await expectJson(response, 200, { x_trace: 'abc-123', x_retries: 3 })
    },
  },
  {
    name: 'a missing required header is 422 missing at ["header","x-trace"]',
    run: async (target) => {
      await expectIssues(await call(target, '/headers'), [
        issue('missing', ['header', 'x-trace'], null),
      ])
    },
  },
  {
    name: 'a header that is not an integer is 422 int_parsing',
    run: async (target) => {
      const response = await call(target, '/headers', {
        headers: { 'x-trace': 't', 'x-retries': 'many' },
      })
      await expectIssues(response, [issue('int_parsing', ['header', 'x-retries'], 'many')])
    },
  },
  {
    name: 'cookies are read from the Cookie header',
    run: async (target) => {
      const response = await call(target, '/cookies', {
        headers: { cookie: 'other=1; session=s%20id; theme=dark' },
      })
      await expectJson(response, 200, { session: 's id', theme: 'dark' })
    },
  },
  {
    name: 'raw TCP: two Cookie header lines are read as one cookie list',
    needs: ['rawHttp'],
    run: async (target) => {
      const response = await rawHttp(
        target.baseUrl!,
        [
          'GET /cookies HTTP/1.1',
          'Host: brisk.test',
          'Cookie: session=s1',
          'Cookie: theme=dark',
          'Connection: close',
        ].join('\r\n'),
      )
      expect(response.status, response.body).toBe(200)
      expect(JSON.parse(response.body)).toEqual({ session: 's1', theme: 'dark' })
    },
  },
  {
    name: "raw TCP: the validated query ends at a '#' in the request target, as Hono reads it",
    needs: ['rawHttp'],
    run: async (target) => {
      const send = async (path: string) => {
        const response = await rawHttp(
          target.baseUrl!,
          [`GET ${path} HTTP/1.1`, 'Host: brisk.test', 'Connection: close'].join('\r\n'),
        )
        return { status: response.status, body: response.body }
      }
      const echoed = await send('/coerce/array?value=1#?value=2')
      expect(echoed.status, echoed.body).toBe(200)
      expect(JSON.parse(echoed.body)).toEqual(
        await (await call(target, '/coerce/array?value=1')).json(),
      )
      // A '#' before the '?' leaves no query at all: the required value is missing.
      const fragmentFirst = await send('/coerce/string#x?value=a')
      expect(fragmentFirst.status, fragmentFirst.body).toBe(422)
    },
  },
  {
    name: 'a missing cookie is 422 missing at ["cookie","session"]',
    run: async (target) => {
      const response = await call(target, '/cookies', { headers: { cookie: 'theme=light' } })
      await expectIssues(response, [issue('missing', ['cookie', 'session'], null)])
    },
  },
  {
    name: 'a cookie outside its enum is 422 at ["cookie","theme"]',
    run: async (target) => {
      const response = await call(target, '/cookies', {
        headers: { cookie: 'session=s; theme=neon' },
      })
      await expectIssues(response, [issue('enum', ['cookie', 'theme'], 'neon')])
    },
  },
  {
    name: 'every input location is validated and reported in one response',
    run: async (target) => {
      const response = await call(target, '/orders/x?notify=perhaps', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ quantity: 0 }),
      })
      await expectIssues(response, [
        issue('int_parsing', ['path', 'id'], 'x'),
        issue('bool_parsing', ['query', 'notify'], 'perhaps'),
        issue('missing', ['header', 'x-tenant'], null),
        issue('missing', ['cookie', 'session'], null),
        issue('greater_than_equal', ['body', 'quantity'], 0),
      ])
    },
  },
  {
    name: 'a request valid in every location reaches the handler',
    run: async (target) => {
      const response = await call(target, '/orders/7?notify=true', {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-tenant': 'acme', cookie: 'session=abc' },
        body: JSON.stringify({ quantity: 2 }),
      })
      expect(response.headers.get('x-content-type-options')).toBe('nosniff')
      await expectJson(response, 200, {
        id: 7,
        notify: true,
        tenant: 'acme',
        session: 'abc',
        quantity: 2,
      })
    },
  },
]

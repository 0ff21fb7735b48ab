/** Cases for body size limits: declared, streamed, chunked and lying Content-Length. */
import { expect } from 'vitest'
import type { Case } from '../target.ts'
import { byteStream, call, expectJson } from './http.ts'
import { rawHttp } from './node-raw-http.ts'

/** `/small` accepts 64 bytes; this JSON is 200. */
const oversized = JSON.stringify({ note: 'x'.repeat(188) })

export const limitCases: Case[] = [
  {
    name: 'a body under the route limit is read',
    run: async (target) => {
      const response = await call(target, '/small', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ note: 'short' }),
      })
      await expectJson(response, 200, { note: 'short' })
    },
  },
  {
    name: 'a Content-Length over the route limit is 413',
    run: async (target) => {
      const response = await call(target, '/small', {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'content-length': `${oversized.length}` },
        body: oversized,
      })
      await expectJson(response, 413, { detail: expect.any(String) })
    },
  },
  {
    name: 'a streamed body with no Content-Length is cut off at the limit with 413',
    needs: ['streamingRequestBody'],
    run: async (target) => {
      const response = await call(target, '/small', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        // One chunk: a server that answers 413 early must not race the upload of a second.
        body: byteStream(2000, 2000),
        duplex: 'half',
      } as RequestInit)
      await expectJson(response, 413, { detail: expect.any(String) })
    },
  },
  {
    name: 'a body longer than its Content-Length header is still cut off at the limit with 413',
    needs: ['forgedHeaders', 'streamingRequestBody'],
    run: async (target) => {
      const response = await call(target, '/small', {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'content-length': '10' },
        body: byteStream(100_000),
        duplex: 'half',
      } as RequestInit)
      await expectJson(response, 413, { detail: expect.any(String) })
    },
  },
  {
    name: 'raw TCP: a Content-Length over the limit is 413 before the body is sent',
    needs: ['rawHttp'],
    run: async (target) => {
      const response = await rawHttp(
        target.baseUrl!,
        [
          'POST /small HTTP/1.1',
          'Host: brisk.test',
          'Content-Type: application/json',
          'Content-Length: 10000000',
          'Connection: close',
        ].join('\r\n'),
        ['{"note":"'],
      )
      expect(response.status, response.body).toBe(413)
      expect(JSON.parse(response.body)).toEqual({ detail: expect.any(String) })
    },
  },
  {
    name: 'raw TCP: a chunked body with no Content-Length over the limit is 413',
    needs: ['rawHttp'],
    run: async (target) => {
      const chunk = `{"note":"${'x'.repeat(100)}`
      const response = await rawHttp(
        target.baseUrl!,
        [
          'POST /small HTTP/1.1',
          'Host: brisk.test',
          'Content-Type: application/json',
          'Transfer-Encoding: chunked',
          'Connection: close',
        ].join('\r\n'),
        [`${chunk.length.toString(16)}\r\n${chunk}\r\n`, `2\r\n"}\r\n`, '0\r\n\r\n'],
      )
      expect(response.status, response.body).toBe(413)
      expect(JSON.parse(response.body)).toEqual({ detail: expect.any(String) })
    },
  },
  {
    name: 'raw TCP: only Content-Length bytes are read as body; what follows is the next request',
    needs: ['rawHttp'],
    run: async (target) => {
      // The body claims 8 bytes; the bytes after them form a second, pipelined request.
      const response = await rawHttp(
        target.baseUrl!,
        [
          'POST /small HTTP/1.1',
          'Host: brisk.test',
          'Content-Type: application/json',
          'Content-Length: 8',
        ].join('\r\n'),
        ['{"note":', 'GET /users/2 HTTP/1.1\r\nHost: brisk.test\r\nConnection: close\r\n\r\n'],
      )
      expect(response.status, response.body).toBe(422)
      const { detail } = JSON.parse(response.body) as { detail: { type: string }[] }
      expect(detail.map((entry) => entry.type)).toEqual(['json_invalid'])
    },
  },
]

import { expect, test } from 'vitest'
import { requestBytes } from './request-bytes.ts'

test('a request is written with its headers and, for a body, its byte length', () => {
  const post = requestBytes(
    {
      method: 'POST',
      path: '/items',
      headers: { 'content-type': 'application/json' },
      body: '{"name":"é"}',
    },
    '127.0.0.1:8080',
  )
  expect(post.toString('utf8')).toBe(
    'POST /items HTTP/1.1\r\nhost: 127.0.0.1:8080\r\ncontent-type: application/json\r\ncontent-length: 13\r\n\r\n{"name":"é"}',
  )
  expect(requestBytes({ method: 'GET', path: '/' }, 'h').toString()).toBe(
    'GET / HTTP/1.1\r\nhost: h\r\n\r\n',
  )
})

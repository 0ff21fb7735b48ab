import { describe, expect, test } from 'vitest'
import { createResponseFramer } from './response-framer.ts'

const bytes = (text: string) => Buffer.from(text, 'latin1')
const sized = (status: number, body: string) =>
  `HTTP/1.1 ${status} X\r\ncontent-type: text/plain\r\nContent-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`
const chunked = (status: number, chunks: string[], trailers = '') =>
  `HTTP/1.1 ${status} X\r\nTransfer-Encoding: chunked\r\n\r\n${chunks
    .map((chunk) => `${chunk.length.toString(16)}\r\n${chunk}\r\n`)
    .join('')}0\r\n${trailers}\r\n`

describe('the response framer of the paced load generator', () => {
  test('responses with a Content-Length end after that many body bytes', () => {
    const framer = createResponseFramer()
    expect(framer.push(bytes(sized(200, 'ok') + sized(422, '{"detail":[]}')))).toEqual([200, 422])
  })

  test('a response split anywhere is reported once its last byte arrives', () => {
    const whole = sized(201, '{"id":1}') + chunked(200, ['ab', 'cdef'])
    for (let cut = 1; cut < whole.length; cut++) {
      const framer = createResponseFramer()
      const first = framer.push(bytes(whole.slice(0, cut)))
      const second = framer.push(bytes(whole.slice(cut)))
      expect([...first, ...second]).toEqual([201, 200])
    }
  })

  test('chunked bodies end at the last chunk, with or without trailers and extensions', () => {
    const framer = createResponseFramer()
    const extension =
      'HTTP/1.1 200 OK\r\ntransfer-encoding: chunked\r\n\r\n3;x=1\r\nabc\r\n0\r\n\r\n'
    const stream =
      chunked(200, ['x'.repeat(300)]) + chunked(500, [], 'x-trailer: 1\r\n') + extension
    expect(framer.push(bytes(stream))).toEqual([200, 500, 200])
  })

  test('204 and 304 carry no body', () => {
    const framer = createResponseFramer()
    expect(framer.push(bytes(`HTTP/1.1 204 No Content\r\n\r\n${sized(200, 'ok')}`))).toEqual([
      204, 200,
    ])
  })

  test('a body that would end only at close, or bytes that are not HTTP, are refused', () => {
    expect(() => createResponseFramer().push(bytes('HTTP/1.1 200 OK\r\n\r\nok'))).toThrow(
      'response 200 has neither Content-Length nor chunked encoding',
    )
    expect(() => createResponseFramer().push(bytes('SSH-2.0\r\n\r\n'))).toThrow(
      'not an HTTP/1.x response',
    )
  })
})

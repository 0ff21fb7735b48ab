import { expect, test } from 'vitest'
import { headerName } from './header-name.ts'

test.each([
  ['user_agent', 'user-agent'],
  ['userAgent', 'user-agent'],
  ['x-api-key', 'x-api-key'],
  ['X-Api-Key', 'x-api-key'],
  ['xRequestId', 'x-request-id'],
  ['authorization', 'authorization'],
  ['ETag', 'etag'],
])('field %j reads the header %j', (field, header) => {
  expect(headerName(field)).toBe(header)
})

/** Tests of the Content-Type parser and of which media types each body type accepts. */
import { describe, expect, test } from 'vitest'
import { acceptsMediaType, mediaType } from './media-type.ts'

describe('mediaType', () => {
  test.each([
    [null, ''],
    ['', ''],
    ['application/json', 'application/json'],
    ['Application/JSON; charset=utf-8', 'application/json'],
    ['  text/plain ;charset=x', 'text/plain'],
    ['multipart/form-data; boundary=abc', 'multipart/form-data'],
    [';charset=utf-8', ''],
  ])('reads %j as %j', (header, essence) => {
    expect(mediaType(header)).toBe(essence)
  })
})

describe('acceptsMediaType', () => {
  test('json accepts application/json and +json types only', () => {
    expect(acceptsMediaType('json', 'application/json')).toBe(true)
    expect(acceptsMediaType('json', 'application/merge-patch+json')).toBe(true)
    expect(acceptsMediaType('json', 'text/json')).toBe(false)
    expect(acceptsMediaType('json', '')).toBe(false)
  })

  test('form accepts urlencoded and multipart; multipart only multipart', () => {
    expect(acceptsMediaType('form', 'application/x-www-form-urlencoded')).toBe(true)
    expect(acceptsMediaType('form', 'multipart/form-data')).toBe(true)
    expect(acceptsMediaType('multipart', 'multipart/form-data')).toBe(true)
    expect(acceptsMediaType('multipart', 'application/x-www-form-urlencoded')).toBe(false)
  })
})

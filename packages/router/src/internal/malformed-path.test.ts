import { describe, expect, it } from 'vitest'
import { hasMalformedPath } from './malformed-path.ts'

describe('hasMalformedPath', () => {
  it('accepts plain and well-escaped paths', () => {
    expect(hasMalformedPath('http://h/a/b?x=%zz')).toBe(false)
    expect(hasMalformedPath('http://h/a/100%25%20off')).toBe(false)
  })

  it('finds escapes that do not decode', () => {
    expect(hasMalformedPath('http://h/files/%E0%A4%A')).toBe(true)
    expect(hasMalformedPath('http://h/files/%zz?q=1')).toBe(true)
    expect(hasMalformedPath('http://h/files/%FF')).toBe(true)
  })
})

import fc from 'fast-check'
import { describe, expect, test } from 'vitest'
import { invalidUtf8Offset } from './invalid-utf8-offset.ts'

const bytes = (...values: number[]) => new Uint8Array(values)

describe('invalidUtf8Offset', () => {
  test('counts the characters before the first ill-formed sequence', () => {
    expect(invalidUtf8Offset(bytes(0x22, 0xff, 0x22))).toBe(1)
    expect(invalidUtf8Offset(bytes(0xc3, 0xa9, 0xc3))).toBe(1) // é, then a cut sequence
    expect(invalidUtf8Offset(bytes(0xef, 0xbb, 0xbf, 0x61, 0x80))).toBe(1) // BOM, a, stray byte
    expect(invalidUtf8Offset(bytes(0xc0, 0x80))).toBe(0) // overlong NUL
    expect(invalidUtf8Offset(bytes(0x61, 0xed, 0xa0, 0x80))).toBe(1) // an encoded surrogate
    expect(invalidUtf8Offset(bytes(0xf4, 0x90, 0x80, 0x80))).toBe(0) // past U+10FFFF
  })

  test('agrees with where the WHATWG decoder puts its first replacement character', () => {
    const decoder = new TextDecoder()
    const encodesReplacement = (input: Uint8Array) =>
      input.some((byte, at) => byte === 0xef && input[at + 1] === 0xbf && input[at + 2] === 0xbd)
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 16 }), (input) => {
        const text = decoder.decode(input)
        // An input that encodes U+FFFD itself would put one where nothing failed.
        fc.pre(text.includes('\uFFFD') && !encodesReplacement(input))
        expect(invalidUtf8Offset(input)).toBe([...text].indexOf('\uFFFD'))
      }),
      { numRuns: 5_000 },
    )
  })
})

import fc from 'fast-check'
import { describe, expect, test } from 'vitest'
import { locateJsonError } from './locate-json-error.ts'

const PROPERTY = 'Expecting property name enclosed in double quotes'

describe('locateJsonError', () => {
  // Positions and messages as CPython's json module gives them (FastAPI's loc and ctx.error).
  test.each([
    ['', 'Expecting value', 0],
    ['   ', 'Expecting value', 3],
    ['[', 'Expecting value', 1],
    ['[42', "Expecting ',' delimiter", 3],
    ['[42,', 'Expecting value', 4],
    ['["', 'Unterminated string starting at', 1],
    ['["spam', 'Unterminated string starting at', 1],
    ['["spam"', "Expecting ',' delimiter", 7],
    ['{', PROPERTY, 1],
    ['{"spam"', "Expecting ':' delimiter", 7],
    ['{"spam":', 'Expecting value', 8],
    ['{"spam":42', "Expecting ',' delimiter", 10],
    ['{"spam":42,', PROPERTY, 11],
    ['"spam', 'Unterminated string starting at', 0],
    ['[,', 'Expecting value', 1],
    ['{"spam":[}', 'Expecting value', 9],
    ['[42 "spam"', "Expecting ',' delimiter", 4],
    ['[42,]', 'Illegal trailing comma before end of array', 3],
    ['[123  , ]', 'Illegal trailing comma before end of array', 6],
    ['{"spam":42 , }', 'Illegal trailing comma before end of object', 11],
    ['{:', PROPERTY, 1],
    ["{'name': 'Foo'}", PROPERTY, 1],
    ['[{]', PROPERTY, 2],
    ['{"spam"}', "Expecting ':' delimiter", 7],
    ['[{"spam":42]', "Expecting ',' delimiter", 11],
    ['[]]', 'Extra data', 2],
    ['"spam",42', 'Extra data', 6],
    ['\n  \n\n     !', 'Expecting value', 10],
    ['[0e]', "Expecting ',' delimiter", 2],
    ['[013]', "Expecting ',' delimiter", 2],
    ['1.', 'Extra data', 1],
    ['[-]', 'Expecting value', 1],
    ['[truth]', 'Expecting value', 1],
    ['[trueish]', "Expecting ',' delimiter", 5],
    ['[nul]', 'Expecting value', 1],
    ['["a\tb"]', 'Invalid control character at', 3],
    ['["a\\x15"]', 'Invalid \\escape', 3],
    ['["\\u12"]', 'Invalid \\uXXXX escape', 3],
    ['["\\u12G4"]', 'Invalid \\uXXXX escape', 3],
    // Python's json reads NaN and Infinity; JSON (and Brisk) does not.
    ['[NaN]', 'Expecting value', 1],
    ['{"a": -Infinity}', 'Expecting value', 6],
  ])('%j: %s at %i', (text, message, position) => {
    expect(() => JSON.parse(text)).toThrow()
    expect(locateJsonError(text)).toEqual({ position, message })
  })

  test('counts characters as Python does: a surrogate pair is one', () => {
    expect(locateJsonError('{"emoji": "😀", oops}')).toEqual({ position: 15, message: PROPERTY })
    expect(locateJsonError('{"é": 1,}')).toMatchObject({ position: 7 })
  })

  test('finds an error exactly when JSON.parse refuses the text', () => {
    const token = fc.constantFrom(
      ...['{', '}', '[', ']', ',', ':', ' ', '"', '\\', 'a', 'u', '0', '1', '-', '.', 'e', '+'],
      ...['"k"', 'true', 'null', 'fals', '\\u00e9', '\n', '\t', '😀', '12', '"x":1'],
    )
    fc.assert(
      fc.property(fc.array(token, { maxLength: 24 }), (tokens) => {
        const text = tokens.join('')
        let valid = true
        try {
          JSON.parse(text)
        } catch {
          valid = false
        }
        const found = locateJsonError(text)
        expect(found === undefined).toBe(valid)
        if (found) expect(found.position).toBeLessThanOrEqual(text.length)
      }),
      { numRuns: 5_000 },
    )
  })

  test('needs no recursion: a million open brackets are one pass', () => {
    const text = `${'['.repeat(500_000)}${'{"a":'.repeat(100_000)}x`
    expect(locateJsonError(text)).toEqual({ position: 1_000_000, message: 'Expecting value' })
  })
})

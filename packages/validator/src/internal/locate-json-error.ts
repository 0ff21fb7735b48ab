/**
 * Where and why a JSON text is malformed, as Python's `json` module reports it (FastAPI puts its
 * `pos` in the 422's `loc` and its `msg` in `ctx.error`). Runs only after `JSON.parse` failed, so
 * the answer never depends on an engine's error message: one pass over the text, no recursion
 * (an explicit stack of open containers), linear in the text's length.
 */

/** The first unexpected character: its offset in code points, as Python counts, and the reason. */
export interface JsonError {
  readonly position: number
  readonly message: string
}

const OBJECT = 0
const ARRAY = 1
const QUOTE = 0x22
const BACKSLASH = 0x5c
const ESCAPES = new Set(['"', '\\', '/', 'b', 'f', 'n', 'r', 't'])
const HEX = /^[0-9a-fA-F]{4}$/

class Failure {
  constructor(
    readonly index: number,
    readonly message: string,
  ) {}
}

const isDigit = (code: number) => code >= 0x30 && code <= 0x39

function skipSpace(text: string, from: number): number {
  let index = from
  for (; index < text.length; index++) {
    const code = text.charCodeAt(index)
    if (code !== 0x20 && code !== 0x0a && code !== 0x0d && code !== 0x09) break
  }
  return index
}

/** The index after the string starting at `start` (a quote), or why it is not one. */
function scanString(text: string, start: number): number | Failure {
  const unterminated = new Failure(start, 'Unterminated string starting at')
  for (let index = start + 1; index < text.length; index++) {
    const code = text.charCodeAt(index)
    if (code === QUOTE) return index + 1
    if (code < 0x20) return new Failure(index, 'Invalid control character at')
    if (code !== BACKSLASH) continue
    index++
    if (index >= text.length) return unterminated
    const escaped = text[index]!
    if (escaped === 'u') {
      // Python checks room for four digits and a closing quote, then the digits; both at the `u`.
      if (index + 5 >= text.length || !HEX.test(text.slice(index + 1, index + 5))) {
        return new Failure(index, 'Invalid \\uXXXX escape')
      }
      index += 4
    } else if (!ESCAPES.has(escaped)) return new Failure(index - 1, 'Invalid \\escape')
  }
  return unterminated
}

/** The index after the number at `start`, as Python's scanner reads one; `start` if none. */
function scanNumber(text: string, start: number): number {
  const last = text.length - 1
  let index = start
  if (text.charCodeAt(index) === 0x2d && ++index > last) return start
  const first = text.charCodeAt(index)
  if (first === 0x30) index++
  else if (first >= 0x31 && first <= 0x39) {
    index++
    while (index <= last && isDigit(text.charCodeAt(index))) index++
  } else return start
  if (index < last && text[index] === '.' && isDigit(text.charCodeAt(index + 1))) {
    index += 2
    while (index <= last && isDigit(text.charCodeAt(index))) index++
  }
  if (index < last && (text[index] === 'e' || text[index] === 'E')) {
    const exponent = index++
    if (index < last && (text[index] === '-' || text[index] === '+')) index++
    while (index <= last && isDigit(text.charCodeAt(index))) index++
    if (!isDigit(text.charCodeAt(index - 1))) index = exponent
  }
  return index
}

/** The index after one scalar value at `start`, or why there is none. */
function scanScalar(text: string, start: number): number | Failure {
  if (text.charCodeAt(start) === QUOTE) return scanString(text, start)
  for (const literal of ['null', 'true', 'false']) {
    if (text.startsWith(literal, start)) return start + literal.length
  }
  const end = scanNumber(text, start)
  return end === start ? new Failure(start, 'Expecting value') : end
}

/** After an object's `{` or `,`: the key and its colon; the index where its value starts. */
function scanKey(text: string, start: number): number | Failure {
  if (text.charCodeAt(start) !== QUOTE) {
    return new Failure(start, 'Expecting property name enclosed in double quotes')
  }
  const end = scanString(text, start)
  if (end instanceof Failure) return end
  const colon = skipSpace(text, end)
  if (text[colon] !== ':') return new Failure(colon, "Expecting ':' delimiter")
  return skipSpace(text, colon + 1)
}

function scan(text: string): Failure | undefined {
  const open: number[] = []
  let index = skipSpace(text, 0)
  for (;;) {
    // A value starts at `index`.
    const char = text[index]
    if (char === '{' || char === '[') {
      const inner = skipSpace(text, index + 1)
      if (text[inner] === (char === '{' ? '}' : ']')) index = inner + 1
      else if (char === '[') {
        open.push(ARRAY)
        index = inner
        continue
      } else {
        const value = scanKey(text, inner)
        if (value instanceof Failure) return value
        open.push(OBJECT)
        index = value
        continue
      }
    } else {
      const end =
        index >= text.length ? new Failure(index, 'Expecting value') : scanScalar(text, index)
      if (end instanceof Failure) return end
      index = end
    }
    // A value ended: close what it completes, then find where the next one starts.
    for (;;) {
      index = skipSpace(text, index)
      const top = open[open.length - 1]
      if (top === undefined)
        return index < text.length ? new Failure(index, 'Extra data') : undefined
      const close = top === OBJECT ? '}' : ']'
      if (text[index] === close) {
        open.pop()
        index++
        continue
      }
      if (text[index] !== ',') return new Failure(index, "Expecting ',' delimiter")
      const comma = index
      index = skipSpace(text, index + 1)
      if (text[index] === close) {
        const kind = top === OBJECT ? 'object' : 'array'
        return new Failure(comma, `Illegal trailing comma before end of ${kind}`)
      }
      if (top === OBJECT) {
        const value = scanKey(text, index)
        if (value instanceof Failure) return value
        index = value
      }
      break
    }
  }
}

/** Code points before `index` (a UTF-16 index): a surrogate pair is one character to Python. */
function codePoints(text: string, index: number): number {
  let count = index
  for (let at = 0; at + 1 < index; at++) {
    const code = text.charCodeAt(at)
    if (code >= 0xd800 && code <= 0xdbff) {
      const next = text.charCodeAt(at + 1)
      if (next >= 0xdc00 && next <= 0xdfff) {
        count--
        at++
      }
    }
  }
  return count
}

/**
 * Finds the first error in a JSON text that `JSON.parse` refused. `undefined` when the text is
 * valid JSON after all (an engine refusing it for its own limits, such as nesting depth).
 */
export function locateJsonError(text: string): JsonError | undefined {
  const failure = scan(text)
  return failure && { position: codePoints(text, failure.index), message: failure.message }
}

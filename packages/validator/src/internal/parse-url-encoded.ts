import { isForbiddenKey } from './forbidden-keys.ts'
import { appendValue, type RawRecord } from './raw-values.ts'
import { safeDecode } from './safe-decode.ts'

/**
 * Parses `application/x-www-form-urlencoded` text (a query string or a form body) from `start`
 * into `out`. Only keys in `wanted` are kept unless it is `undefined`; prototype keys never are.
 * Returns the number of pairs seen, so callers can cap them. Faster than `URLSearchParams` because
 * undeclared values are never decoded.
 */
export function parseUrlEncoded(
  text: string,
  start: number,
  wanted: Readonly<Record<string, true>> | undefined,
  out: RawRecord,
): number {
  const length = text.length
  let pairs = 0
  let index = start
  while (index < length) {
    let end = text.indexOf('&', index)
    if (end === -1) end = length
    if (end > index) {
      pairs++
      let equals = text.indexOf('=', index)
      if (equals === -1 || equals > end) equals = end
      const key = safeDecode(text.slice(index, equals))
      if (key !== '' && (wanted === undefined ? !isForbiddenKey(key) : wanted[key] === true)) {
        appendValue(out, key, equals === end ? '' : safeDecode(text.slice(equals + 1, end)))
      }
    }
    index = end + 1
  }
  return pairs
}

import { isForbiddenKey } from './forbidden-keys.ts'
import { appendValue, type RawRecord } from './raw-values.ts'
import { safeDecode } from './safe-decode.ts'

function unquote(value: string): string {
  return value.length >= 2 && value.startsWith('"') && value.endsWith('"')
    ? value.slice(1, -1)
    : value
}

/**
 * Parses a `Cookie` header into `out`. Only names in `wanted` are kept unless it is `undefined`.
 * A name sent twice keeps every value in order (scalar fields then report it).
 */
export function parseCookies(
  header: string,
  wanted: Readonly<Record<string, true>> | undefined,
  out: RawRecord,
): void {
  for (const pair of header.split(';')) {
    const equals = pair.indexOf('=')
    if (equals === -1) continue
    const name = pair.slice(0, equals).trim()
    if (name === '' || (wanted === undefined ? isForbiddenKey(name) : wanted[name] !== true)) {
      continue
    }
    const value = unquote(pair.slice(equals + 1).trim())
    // '+' is literal in cookies: only percent-decode.
    appendValue(
      out,
      name,
      value.indexOf('%') === -1 ? value : safeDecode(value.replace(/\+/g, '%2B')),
    )
  }
}

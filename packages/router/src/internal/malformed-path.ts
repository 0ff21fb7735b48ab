/**
 * Whether the URL's path holds percent-escapes that do not decode (`%E0%A4%A`, `%zz`). Hono then
 * hands path parameters over undecoded; Brisk answers 400 instead of passing mangled text on.
 */
export function hasMalformedPath(url: string): boolean {
  if (url.indexOf('%') === -1) return false // almost every request: nothing to decode
  const start = url.indexOf('/', url.indexOf(':') + 3)
  if (start === -1) return false
  let end = url.indexOf('?', start)
  if (end === -1) end = url.length
  const percent = url.indexOf('%', start)
  if (percent === -1 || percent > end) return false
  try {
    decodeURIComponent(url.slice(start, end))
    return false
  } catch {
    return true
  }
}

export const malformedPathDetail = 'Malformed percent-encoding in the URL path'

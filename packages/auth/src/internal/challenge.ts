/** `WWW-Authenticate` challenges (RFC 9110 §11.6.1, RFC 6750 §3, RFC 7617). */

/** Quotes, backslashes and control characters (checked by code point, not a regex range). */
function unsafeInQuotes(value: string): boolean {
  for (const char of value) {
    const code = char.codePointAt(0)!
    if (char === '"' || char === '\\' || code < 0x20 || code === 0x7f) return true
  }
  return false
}

/** Checks at creation that a value can sit in a quoted-string as written. */
export function assertQuotable(value: string, what: string): void {
  if (unsafeInQuotes(value)) {
    throw new TypeError(`${what} must not contain quotes, backslashes or control characters`)
  }
}

export const BEARER = 'Bearer'
export const INVALID_TOKEN = 'Bearer error="invalid_token"'

/** RFC 6750 §3.1: the scopes needed, space-separated. */
export function insufficientScope(scopes: readonly string[]): string {
  return `Bearer error="insufficient_scope", scope="${scopes.join(' ')}"`
}

/** RFC 7617: the realm and the UTF-8 charset the credentials are decoded with. */
export function basicChallenge(realm: string): string {
  return `Basic realm="${realm}", charset="UTF-8"`
}

/** No registered scheme exists for API keys; a 401 still must name one (RFC 9110 §15.5.2). */
export const API_KEY = 'ApiKey'

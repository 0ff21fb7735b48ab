/** Splits an `Authorization` header into its scheme and credentials, bounded and strict. */

const CREDENTIALS = /^([!#$%&'*+.^_`|~0-9A-Za-z-]+)(?: +(.*))?$/s
const TOKEN68 = /^[A-Za-z0-9\-._~+/]+=*$/

/** Longest credentials looked at; longer ones are refused without being parsed. */
export const MAX_CREDENTIALS = 8192

export type Credentials =
  | { readonly kind: 'absent' }
  | { readonly kind: 'malformed' }
  | { readonly kind: 'present'; readonly value: string }

const ABSENT: Credentials = { kind: 'absent' }
const MALFORMED: Credentials = { kind: 'malformed' }

/**
 * The token68 credentials of `scheme` (compared case-insensitively). Another scheme, or the scheme
 * with nothing after it, is `absent`: this scheme's credentials were not sent. Two headers arrive
 * joined by a comma, which is not token68: `malformed`.
 */
export function readCredentials(header: string | undefined, scheme: string): Credentials {
  if (header === undefined || header === '') return ABSENT
  if (header.length > MAX_CREDENTIALS + scheme.length + 1) {
    return header.slice(0, scheme.length + 1).toLowerCase() === `${scheme.toLowerCase()} `
      ? MALFORMED
      : ABSENT
  }
  const match = CREDENTIALS.exec(header)
  if (match === null) return MALFORMED
  if (match[1]!.toLowerCase() !== scheme.toLowerCase()) return ABSENT
  const value = match[2]?.trim() ?? ''
  if (value === '') return ABSENT
  return TOKEN68.test(value) ? { kind: 'present', value } : MALFORMED
}

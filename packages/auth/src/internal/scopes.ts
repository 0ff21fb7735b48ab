/** Scope strings (RFC 6749 §3.3): space-separated, case-sensitive, compared exactly. */

const SCOPE_TOKEN = /^[\x21\x23-\x5b\x5d-\x7e]+$/

/** The scopes of a claim: a string split on spaces; anything else grants none. */
export function parseScopes(claim: unknown): string[] {
  if (typeof claim !== 'string') return []
  return claim.split(' ').filter((scope) => scope !== '')
}

/** Checks configured scope names at creation. */
export function assertScopeNames(scopes: readonly string[], where: string): void {
  for (const scope of scopes) {
    if (!SCOPE_TOKEN.test(scope)) {
      throw new TypeError(`${where}: '${scope}' is not a valid scope (RFC 6749 §3.3 scope-token)`)
    }
  }
}

/** The required scopes the principal lacks. */
export function missingScopes(granted: readonly string[], required: readonly string[]): string[] {
  return required.filter((scope) => !granted.includes(scope))
}

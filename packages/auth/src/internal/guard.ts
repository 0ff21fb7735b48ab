import type { Credential, Dependency, SecurityDeclaration } from '@brisk/router'

/** Where a credential is read from: the request location (the field name goes with it). */
export type CredentialLocation = Credential['in']

/** Reads one credential field; the Brisk dependency and the Hono middleware each supply one. */
export type CredentialReader = (location: CredentialLocation, name: string) => string | undefined

/**
 * Why authentication did not succeed. `absent`: no credentials for this scheme (an alternative may
 * still pass); `invalid`: credentials present but wrong; `forbidden`: authenticated, missing
 * scopes; `unavailable`: the key source (JWKS, discovery) could not be reached.
 */
export type FailureReason = 'absent' | 'invalid' | 'forbidden' | 'unavailable'

export interface Failure {
  readonly ok: false
  readonly reason: FailureReason
  /** The `WWW-Authenticate` challenge to answer with (none for 503). */
  readonly challenge: string | undefined
}

export type Outcome<TPrincipal> = { readonly ok: true; readonly principal: TPrincipal } | Failure

/** One authentication check, independent of Brisk or Hono. */
export interface Guard<TPrincipal> {
  readonly name: string
  /** Its schemes and requirements, and the credentials it reads (the router validates those). */
  readonly security: SecurityDeclaration
  /** The challenge sent when no credentials are present. */
  readonly challenge: string
  /**
   * Configuration made by a dependency (tokens, keys read from settings or a Worker's secrets):
   * resolved per request and handed to `authenticate`. None: the guard is configured already.
   */
  readonly config?: Dependency<unknown>
  authenticate(read: CredentialReader, config?: unknown): Promise<Outcome<TPrincipal>>
}

export function fail(reason: FailureReason, challenge: string | undefined): Failure {
  return { ok: false, reason, challenge }
}

import type { InputSpec } from '@brisk/validator'
import type { SecurityDeclaration } from '../types.ts'

/** Where a credential is read from: the request location and the field name in it. */
export type CredentialLocation = 'headers' | 'query' | 'cookies'

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
  /** The request inputs it reads, all optional so that absence is a 401, never a 422. */
  readonly inputs: InputSpec
  readonly security: SecurityDeclaration
  /** The challenge sent when no credentials are present. */
  readonly challenge: string
  authenticate(read: CredentialReader): Promise<Outcome<TPrincipal>>
}

export function fail(reason: FailureReason, challenge: string | undefined): Failure {
  return { ok: false, reason, challenge }
}

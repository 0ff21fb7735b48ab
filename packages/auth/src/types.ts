/**
 * Public types shared by every scheme: the security dependency itself and the principal a bearer
 * token yields (the security declaration it carries is `@brisk/router`'s `SecurityDeclaration`).
 */
import type { Dependency } from '@brisk/router'
import type { MiddlewareHandler } from 'hono'
import type { JWTPayload } from 'jose'
import type { Guard } from './internal/guard.ts'

/** Hono variables set by the standalone middleware: the authenticated principal. */
export interface AuthEnv<TPrincipal> {
  Variables: { principal: TPrincipal }
}

/**
 * A Brisk dependency that authenticates the request and yields the principal (or throws an
 * `HTTPException` with the status and `WWW-Authenticate` challenge), carrying its declaration
 * (schemes, requirements, credentials) in `meta.security` and the same check as a plain Hono middleware.
 */
export interface SecurityDependency<TPrincipal> extends Dependency<TPrincipal> {
  /**
   * The same check for plain Hono apps: sets `c.var.principal`, or answers 401/403 itself. It
   * makes the type invariant: write `SecurityDependency<any>` for "any security dependency".
   */
  readonly middleware: MiddlewareHandler<AuthEnv<TPrincipal>>
  /** The check without the dependency wrapper, for `anyOf`. */
  readonly '~guard': Guard<TPrincipal>
}

/** What a verified bearer token yields. */
export interface TokenPrincipal {
  /** The `sub` claim. */
  readonly subject: string
  /** The `scope` claim split on spaces; an absent or non-string claim gives none. */
  readonly scopes: readonly string[]
  /** Every claim of the verified token. */
  readonly claims: JWTPayload
}

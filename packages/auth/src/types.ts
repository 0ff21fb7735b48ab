/**
 * Public types shared by every scheme: the OpenAPI security declaration a dependency carries, the
 * security dependency itself, and the principal a bearer token yields.
 */
import type { Dependency } from '@brisk/router'
import type { MiddlewareHandler } from 'hono'
import type { JWTPayload } from 'jose'
import type { Guard } from './internal/guard.ts'

/** An OpenAPI 3.1 security scheme object (structurally what `@brisk/openapi` publishes). */
export type SecuritySchemeObject =
  | { type: 'apiKey'; name: string; in: 'header' | 'query' | 'cookie'; description?: string }
  | { type: 'http'; scheme: string; bearerFormat?: string; description?: string }
  | {
      type: 'oauth2'
      flows: { password: { tokenUrl: string; scopes: Record<string, string> } }
      description?: string
    }
  | { type: 'openIdConnect'; openIdConnectUrl: string; description?: string }

/**
 * What a security dependency declares in `meta.security`: its schemes by name and the requirements
 * it accepts — alternatives (any one passes), each naming schemes (all must pass) and their scopes.
 */
export interface SecurityDeclaration {
  readonly schemes: Readonly<Record<string, SecuritySchemeObject>>
  readonly requirements: ReadonlyArray<Readonly<Record<string, string[]>>>
}

/** Hono variables set by the standalone middleware: the authenticated principal. */
export interface AuthEnv<TPrincipal> {
  Variables: { principal: TPrincipal }
}

/**
 * A Brisk dependency that authenticates the request and yields the principal (or throws an
 * `HTTPException` with the status and `WWW-Authenticate` challenge), carrying its OpenAPI
 * declaration in `meta.security` and the same check as a plain Hono middleware.
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

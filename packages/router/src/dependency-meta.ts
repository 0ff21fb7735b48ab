/**
 * What a Brisk dependency declares for the router and for other packages (OpenAPI, auth): the one
 * place that names the keys of a dependency's `meta`.
 */
import type { Dependency } from '@brisk/di'
import type { InputSpec } from '@brisk/validator'

/** An OpenAPI 3.1 security scheme object, as `@brisk/openapi` publishes it. */
export type SecuritySchemeObject =
  | { type: 'apiKey'; name: string; in: 'header' | 'query' | 'cookie'; description?: string }
  | { type: 'http'; scheme: string; bearerFormat?: string; description?: string }
  | {
      type: 'oauth2'
      flows: { password: { tokenUrl: string; scopes: Record<string, string> } }
      description?: string
    }
  | { type: 'openIdConnect'; openIdConnectUrl: string; description?: string }

/** Where a credential is read: a request location and the field's name in it. */
export interface Credential {
  readonly in: 'headers' | 'query' | 'cookies'
  readonly name: string
}

/**
 * What a dependency that enforces security declares: its schemes by name, the requirements it
 * accepts (alternatives: any one passes; each names schemes, all of which must pass, with their
 * scopes), and the credentials it reads.
 */
export interface SecurityDeclaration {
  readonly schemes: Readonly<Record<string, SecuritySchemeObject>>
  readonly requirements: ReadonlyArray<Readonly<Record<string, string[]>>>
  /**
   * Read as optional strings before any security dependency runs (so absence is a 401, never a
   * 422), never echoed in an issue, and documented by the schemes rather than as parameters.
   */
  readonly credentials: readonly Credential[]
}

/** The keys of `Dependency.meta` that Brisk packages read. */
export interface DependencyMeta {
  /** Request inputs the dependency reads, validated with the route's and documented on it. */
  readonly inputs?: InputSpec
  readonly security?: SecurityDeclaration
}

/** The request inputs a dependency declares. */
export function inputsOf(dependency: Dependency): InputSpec | undefined {
  return (dependency.meta as DependencyMeta).inputs
}

/** The security a dependency enforces. */
export function securityOf(dependency: Dependency): SecurityDeclaration | undefined {
  return (dependency.meta as DependencyMeta).security
}

import type { Dependency } from '@brisk/router'
import type { JsonSchema, SecurityRequirement } from './types.ts'

/**
 * What a dependency that enforces security declares in its `meta.security`, so the document shows
 * exactly what the server enforces: its schemes, and the requirements it accepts (any one of them).
 */
export interface SecurityDeclaration {
  /** OpenAPI security scheme objects by name, e.g. `{ OAuth2: { type: 'oauth2', flows: … } }`. */
  readonly schemes: Readonly<Record<string, JsonSchema>>
  /** Alternatives: the request must satisfy one; each names schemes and the scopes they need. */
  readonly requirements: readonly SecurityRequirement[]
}

export function securityOf(dependency: Dependency): SecurityDeclaration | undefined {
  return dependency.meta.security as SecurityDeclaration | undefined
}

/** Several security dependencies must all pass: combine their alternatives pairwise. */
export function combineRequirements(
  declarations: readonly SecurityDeclaration[],
): SecurityRequirement[] | undefined {
  if (declarations.length === 0) return undefined
  let combined: SecurityRequirement[] = [{}]
  for (const declaration of declarations) {
    const next: SecurityRequirement[] = []
    for (const left of combined) {
      for (const right of declaration.requirements) {
        const merged: SecurityRequirement = { ...left }
        for (const [scheme, scopes] of Object.entries(right)) {
          merged[scheme] = [...new Set([...(merged[scheme] ?? []), ...scopes])]
        }
        next.push(merged)
      }
    }
    combined = next
  }
  return combined
}

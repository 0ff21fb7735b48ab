/** Security requirements of an operation from the declarations of its security dependencies. */
import type { SecurityDeclaration } from '@brisk/router'
import type { SecurityRequirement } from './types.ts'

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

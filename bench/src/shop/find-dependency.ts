/**
 * Finds a dependency of an app by name through its routes' dependency graphs, so the bench can
 * override the shop's `dialect` without a deep import (`@brisk/shop` exports only its app).
 */
import type { BriskApp, Dependency, Use } from '@brisk/router'

const dependencyOf = (use: Use): Dependency => (use.kind === 'fresh' ? use.dependency : use)

/** The dependency named `name` that some route of `app` uses, directly or through others. */
export function findDependency(app: BriskApp, name: string): Dependency {
  const seen = new Set<Dependency>()
  const pending: Dependency[] = app.operations.flatMap((operation) => [
    ...operation.dependencies,
    ...Object.values(operation.uses).map(dependencyOf),
  ])
  while (pending.length > 0) {
    const next = pending.pop()!
    if (seen.has(next)) continue
    seen.add(next)
    if (next.name === name) return next
    pending.push(...Object.values(next.uses).map(dependencyOf))
  }
  throw new Error(`no dependency named '${name}' in the app's routes`)
}

import type { Dependency, Use, Uses } from '../dependency.ts'
import { DependencyError } from '../dependency-error.ts'

/** One dependency to run for a request: its value lands at its index in the values array. */
export interface Step {
  readonly dependency: Dependency
  /** App-scoped: the value comes from the container, not from running the factory per request. */
  readonly app: boolean
  /** Used with `fresh()`: runs again rather than reusing the scope's value. */
  readonly fresh: boolean
  /** Names under which the factory receives earlier values… */
  readonly names: readonly string[]
  /** …and those values' indexes (parallel arrays: no tuple to unpack per request). */
  readonly at: readonly number[]
}

export interface Steps {
  readonly steps: readonly Step[]
  /** The named uses and their values' indexes: what the caller gets. */
  readonly rootNames: readonly string[]
  readonly rootAt: readonly number[]
  /** Every app-scoped dependency reachable, for eager startup and introspection. */
  readonly appDependencies: readonly Dependency[]
}

type Resolve = (dependency: Dependency) => Dependency

const chain = (path: readonly Dependency[]) => path.map((d) => `'${d.name}'`).join(' → ')

function unwrap(use: Use, resolve: Resolve, path: readonly Dependency[]): [Dependency, boolean] {
  const isFresh = use?.kind === 'fresh'
  const declared = isFresh ? use.dependency : use
  if (declared?.kind !== 'dependency') {
    const where = path.length > 0 ? ` (used by ${chain(path)})` : ''
    throw new DependencyError(
      'NOT_A_DEPENDENCY',
      `Expected a dependency${where}, got ${String(declared)}`,
    )
  }
  return [resolve(declared), isFresh]
}

/**
 * Orders a graph of uses for one caller: each dependency once (unless used `fresh`), after what it
 * uses. Cycles and app-scoped dependencies that use request-scoped ones are errors naming the chain.
 */
export function buildSteps(uses: Uses, run: readonly Use[], resolve: Resolve): Steps {
  const steps: Step[] = []
  const indexes = new Map<Dependency, number>()
  const appDependencies = new Set<Dependency>()

  const checkApp = (dependency: Dependency, path: readonly Dependency[]) => {
    if (path.includes(dependency)) {
      throw new DependencyError('CYCLE', `Dependency cycle: ${chain([...path, dependency])}`)
    }
    appDependencies.add(dependency)
    for (const use of Object.values(dependency.uses)) {
      const [used] = unwrap(use, resolve, [...path, dependency])
      if (used.scope !== 'app') {
        throw new DependencyError(
          'SCOPE',
          `App-scoped dependency '${dependency.name}' cannot use request-scoped '${used.name}': ${chain([...path, dependency, used])}`,
        )
      }
      checkApp(used, [...path, dependency])
    }
  }

  const visit = (use: Use, path: readonly Dependency[]): number => {
    const [dependency, isFresh] = unwrap(use, resolve, path)
    if (path.includes(dependency)) {
      throw new DependencyError('CYCLE', `Dependency cycle: ${chain([...path, dependency])}`)
    }
    const known = indexes.get(dependency)
    if (known !== undefined && !isFresh) return known
    let step: Step
    if (dependency.scope === 'app') {
      checkApp(dependency, path)
      step = { dependency, app: true, fresh: isFresh, names: [], at: [] }
    } else {
      const inner = [...path, dependency]
      const names = Object.keys(dependency.uses)
      const at = names.map((name) => visit(dependency.uses[name]!, inner))
      step = { dependency, app: false, fresh: isFresh, names, at }
    }
    steps.push(step)
    const index = steps.length - 1
    if (!isFresh) indexes.set(dependency, index)
    return index
  }

  for (const use of run) visit(use, [])
  const rootNames = Object.keys(uses)
  const rootAt = rootNames.map((name) => visit(uses[name]!, []))
  return { steps, rootNames, rootAt, appDependencies: [...appDependencies] }
}

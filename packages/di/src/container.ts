/**
 * `createContainer` holds app-scoped values and overrides, and plans, resolves and tears down
 * each request's dependencies.
 */
import type { Dependency, Resolved, Use, Uses } from './dependency.ts'
import type { DependencyError } from './dependency-error.ts'
import { buildSteps, type Steps } from './internal/build-steps.ts'
import { CleanupStack } from './internal/cleanup-stack.ts'
import { invoke, Starting } from './internal/invoke.ts'
import { ScopeState } from './internal/request-scope.ts'
import { resolveSteps, runSteps } from './internal/resolve-steps.ts'

export interface ContainerOptions {
  /** Hears teardown errors (they never propagate). Defaults to `console.error`. */
  readonly onTeardownError?: (error: DependencyError, dependency: Dependency) => void
}

/** The lifetime of one request's dependencies: their cleanups run when it closes. */
export interface RequestScope {
  readonly inputs: unknown
  readonly env: unknown
  /** How many cleanups are registered (none means `close()` has nothing to do). */
  readonly pendingCleanups: number
  /**
   * Runs the cleanups once, newest first. Teardown errors go to the container's hook. Pass the
   * request's error when it failed: generator dependencies get it thrown in at their `yield`, and
   * the promise resolves to the failure as they left it — the same error when they let it through,
   * the error one threw in its place (the next older one sees that), or a `SWALLOWED`
   * `DependencyError` (`cause`: the request's error) when one caught it and returned. Resolves to
   * `undefined` when there was no failure, and on a second call.
   */
  close(failure?: { readonly error: unknown }): Promise<{ readonly error: unknown } | undefined>
}

/** A caller's dependency graph, ordered once; resolving it runs each dependency once per scope. */
export interface DependencyPlan<TUses extends Uses> {
  /** Every dependency the plan runs (after overrides), in order, app-scoped ones included. */
  readonly dependencies: readonly Dependency[]
  /** Sync when every dependency on the way is sync. */
  resolve(scope: RequestScope): Resolved<TUses> | Promise<Resolved<TUses>>
  /**
   * Runs, in plan order and for their effects, the dependencies `canRun` accepts whose own uses
   * all ran; skips the others and everything that uses them (app-scoped ones always run). The
   * router uses it for a request whose inputs failed validation: the dependencies with valid
   * inputs still run, and the first error one throws rejects the promise.
   */
  runWhere(scope: RequestScope, canRun: (dependency: Dependency) => boolean): Promise<void>
}

/** Holds app-scoped values and overrides, and plans and scopes request-scoped resolution. */
export interface Container {
  /**
   * Plans the uses (values returned by name) plus `run` (run for their effect). Throws for cycles
   * and app → request chains.
   */
  plan<const TUses extends Uses>(uses: TUses, run?: readonly Use[]): DependencyPlan<TUses>
  /**
   * Starts a request scope; `inputs` and `env` reach its dependencies as `context.inputs` and
   * `context.env` (`env` also reaches the app-scoped values first made while resolving it).
   */
  createScope(inputs?: unknown, env?: unknown): RequestScope
  /** Replaces a dependency everywhere, deep in graphs too. Returns a function that undoes it. */
  override<TValue>(target: Dependency<TValue>, replacement: Dependency<NoInfer<TValue>>): () => void
  clearOverrides(): void
  /** Makes every eager app-scoped dependency known to a plan (`env` reaches them as `context.env`). */
  start(env?: unknown): Promise<void>
  /** Runs app-scoped teardowns, newest first. The container can be started again afterwards. */
  dispose(): Promise<void>
}

const logTeardown = (error: DependencyError) =>
  console.error(`[brisk] ${error.message}:`, error.cause)

/**
 * Creates a container.
 *
 * @example
 * const container = createContainer()
 * const plan = container.plan({ user: currentUser })
 * const scope = container.createScope()
 * try { const { user } = await plan.resolve(scope) } finally { await scope.close() }
 */
export function createContainer(options: ContainerOptions = {}): Container {
  const report = options.onTeardownError ?? logTeardown
  const overrides = new Map<Dependency, Dependency>()
  // Replaced wholesale by dispose(): work still settling belongs to the generation it started in.
  let appValues = new Map<Dependency, unknown>()
  let appPending = new Map<Dependency, Promise<unknown>>()
  let appStack = new CleanupStack(report)
  /** Each plan's steps, rebuilt at once when overrides change: resolving never checks staleness. */
  const plans = new Set<{ steps: Steps; rebuild: () => void }>()

  // A derived dependency follows its origin's override (unless it is overridden itself).
  const resolveOverride = (dependency: Dependency) =>
    overrides.get(dependency) ??
    (dependency.origin === undefined ? undefined : overrides.get(dependency.origin)) ??
    dependency

  const appValue = (dependency: Dependency, env: unknown): unknown => {
    const values = appValues
    const pendings = appPending
    const known = values.get(dependency)
    if (known !== undefined || values.has(dependency)) return known
    const pending = pendings.get(dependency)
    if (pending) return pending
    const made = makeAppValue(dependency, env, appStack)
    if (!(made instanceof Promise)) {
      values.set(dependency, made)
      return made
    }
    const settled = made.then(
      (value) => {
        values.set(dependency, value)
        pendings.delete(dependency)
        return value
      },
      (error) => {
        pendings.delete(dependency) // the next use tries again
        throw error
      },
    )
    pendings.set(dependency, settled)
    return settled
  }

  const makeAppValue = (dependency: Dependency, env: unknown, stack: CleanupStack): unknown => {
    const deps: Record<string, unknown> = {}
    const waiting: Promise<unknown>[] = []
    for (const [name, use] of Object.entries(dependency.uses)) {
      const used = resolveOverride(use.kind === 'fresh' ? use.dependency : use)
      const value = appValue(used, env)
      if (value instanceof Promise) waiting.push(value.then((settled) => (deps[name] = settled)))
      else deps[name] = value
    }
    const make = () => {
      const made = invoke(dependency, deps, undefined, env, stack)
      return made instanceof Starting ? made.promise : made
    }
    return waiting.length === 0 ? make() : Promise.all(waiting).then(make)
  }

  function plan<const TUses extends Uses>(uses: TUses, run: readonly Use[] = []) {
    const entry = {
      steps: buildSteps(uses, run, resolveOverride),
      rebuild: () => {
        entry.steps = buildSteps(uses, run, resolveOverride)
      },
    }
    plans.add(entry)
    return {
      get dependencies() {
        return entry.steps.steps.map((step) => step.dependency)
      },
      resolve(scope: RequestScope) {
        return resolveSteps(entry.steps, scope as ScopeState, appValue) as
          | Resolved<TUses>
          | Promise<Resolved<TUses>>
      },
      runWhere(scope: RequestScope, canRun: (dependency: Dependency) => boolean) {
        return runSteps(entry.steps, scope as ScopeState, appValue, canRun)
      },
    } satisfies DependencyPlan<TUses>
  }

  /** Applies a change of overrides to every plan; a change that breaks one (a cycle) is undone. */
  const changeOverrides = (change: () => void, undo: () => void) => {
    change()
    try {
      for (const entry of plans) entry.rebuild()
    } catch (error) {
      undo()
      for (const entry of plans) entry.rebuild()
      throw error
    }
  }

  return {
    plan,
    createScope(inputs?: unknown, env?: unknown): RequestScope {
      return new ScopeState(inputs, env, report)
    },
    override(target, replacement) {
      const previous = overrides.get(target)
      const restore = () => {
        if (previous === undefined) overrides.delete(target)
        else overrides.set(target, previous)
      }
      changeOverrides(() => overrides.set(target, replacement), restore)
      return () => {
        if (overrides.get(target) !== replacement) return
        changeOverrides(
          () => overrides.delete(target),
          () => overrides.set(target, replacement),
        )
      }
    },
    clearOverrides() {
      const saved = new Map(overrides)
      changeOverrides(
        () => overrides.clear(),
        () => {
          for (const [target, replacement] of saved) overrides.set(target, replacement)
        },
      )
    },
    async start(env?: unknown) {
      const eager = new Set<Dependency>()
      for (const entry of plans) {
        for (const dependency of entry.steps.appDependencies)
          if (dependency.eager) eager.add(dependency)
      }
      await Promise.all([...eager].map((dependency) => appValue(dependency, env)))
    },
    async dispose() {
      const pending = [...appPending.values()]
      const stack = appStack
      appValues = new Map()
      appPending = new Map()
      appStack = new CleanupStack(report)
      await Promise.allSettled(pending)
      await stack.close()
    },
  }
}

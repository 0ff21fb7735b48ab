/** Dependencies are plain functions wrapped once with what they use and how long they live. */

/** `request`: made once per request (the default); `app`: made once, shared, disposed at shutdown. */
export type Scope = 'request' | 'app'

/** What a dependency function receives besides the values it uses. */
export interface DependencyContext<TInputs = unknown> {
  /** Per-request inputs supplied by the host (the router passes validated request inputs). */
  readonly inputs: TInputs
  /**
   * The runtime environment the host supplies with the scope (the router: the environment
   * variables, or a Worker's bindings). An app-scoped value sees the environment of the scope
   * (or `start()`) that first needed it. Untyped here; `@brisk/router`'s `runtimeEnv<TEnv>()`
   * gives it a type.
   */
  readonly env: unknown
  /**
   * Registers a cleanup, run once in reverse order when the scope closes; it gets `{ error }` when
   * the request failed.
   */
  readonly onCleanup: (cleanup: (failure?: { readonly error: unknown }) => unknown) => void
}

/** Marks a use that skips the per-request cache: the dependency runs again for this use. */
export interface Fresh<TValue> {
  readonly kind: 'fresh'
  readonly dependency: Dependency<TValue>
}

export type Use = Dependency<any> | Fresh<any>
export type Uses = Readonly<Record<string, Use>>

/** No sub-dependencies. */
export type NoUses = Record<never, never>

export type ValueOf<TUse> =
  TUse extends Dependency<infer TValue> ? TValue : TUse extends Fresh<infer TValue> ? TValue : never

/** The values of a set of uses, by name. */
export type Resolved<TUses extends Uses> = {
  readonly [TName in keyof TUses]: ValueOf<TUses[TName]>
}

/** The value a factory result stands for: a generator's yielded value, or the awaited result. */
export type Unwrap<TResult> =
  TResult extends AsyncGenerator<infer TValue, unknown, unknown>
    ? TValue
    : TResult extends Generator<infer TValue, unknown, unknown>
      ? TValue
      : Awaited<TResult>

type Factory = (deps: any, context: DependencyContext<any>) => unknown

/** A dependency: a value that knows how to make its value, and what it needs to do so. */
export interface Dependency<TValue = unknown> {
  readonly kind: 'dependency'
  readonly name: string
  readonly scope: Scope
  /** App-scoped only: made at startup rather than on first use. */
  readonly eager: boolean
  readonly uses: Uses
  readonly factory: Factory
  /** Declarations for other packages: request inputs, security requirements… */
  readonly meta: Readonly<Record<string, unknown>>
  /**
   * The dependency this one was derived from (the same function with other uses or
   * declarations, e.g. per set of security scopes): overriding the origin replaces it too.
   */
  readonly origin?: Dependency
  /** Type-only: carries the value type. */
  readonly '~value'?: TValue
}

export interface DependencyOptions<TUses extends Uses> {
  /** Other dependencies, by the name under which this one receives their values. */
  readonly uses?: TUses
  readonly scope?: Scope
  readonly eager?: boolean
  /** Shown in errors (cycles, scope chains); defaults to the function's name. */
  readonly name?: string
  readonly meta?: Readonly<Record<string, unknown>>
}

/**
 * Wraps a function as a dependency. Its value type is inferred; a generator function's `yield`
 * gives the value and the code after it is the teardown (as FastAPI's `yield` dependencies).
 *
 * @example
 * const settings = dependency({ scope: 'app' }, () => ({ dsn: 'memory:' }))
 * const db = dependency({ uses: { settings } }, async function* ({ settings }) {
 *   const connection = await connect(settings.dsn)
 *   try { yield connection } finally { await connection.close() }
 * })
 */
export function dependency<const TUses extends Uses = NoUses, TResult = unknown, TInputs = unknown>(
  options: DependencyOptions<TUses>,
  factory: (deps: Resolved<TUses>, context: DependencyContext<TInputs>) => TResult,
): Dependency<Unwrap<TResult>>
export function dependency<TResult, TInputs = unknown>(
  factory: (deps: Resolved<NoUses>, context: DependencyContext<TInputs>) => TResult,
): Dependency<Unwrap<TResult>>
export function dependency(
  optionsOrFactory: DependencyOptions<Uses> | Factory,
  maybeFactory?: Factory,
): Dependency {
  const options = typeof optionsOrFactory === 'function' ? {} : optionsOrFactory
  const factory = typeof optionsOrFactory === 'function' ? optionsOrFactory : maybeFactory
  if (typeof factory !== 'function') throw new TypeError('dependency: expected a function')
  const scope = options.scope ?? 'request'
  if (scope !== 'request' && scope !== 'app') {
    throw new TypeError(`dependency: scope must be 'request' or 'app', got '${String(scope)}'`)
  }
  if (options.eager && scope !== 'app') {
    throw new TypeError('dependency: only app-scoped dependencies can be eager')
  }
  return {
    kind: 'dependency',
    name: options.name ?? (factory.name || 'anonymous'),
    scope,
    eager: options.eager === true,
    uses: options.uses ?? {},
    factory,
    meta: options.meta ?? {},
  }
}

/**
 * Uses a dependency without the per-request cache: it runs again for this use.
 *
 * @example
 * const pair = dependency({ uses: { a: nonce, b: fresh(nonce) } }, ({ a, b }) => [a, b])
 */
export function fresh<TValue>(dependency: Dependency<TValue>): Fresh<TValue> {
  return { kind: 'fresh', dependency }
}

export function isDependency(value: unknown): value is Dependency {
  return typeof value === 'object' && value !== null && (value as Dependency).kind === 'dependency'
}

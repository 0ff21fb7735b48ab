/** `dependency`: a `@brisk/di` dependency that may also read request inputs and declare security. */
import {
  type Dependency,
  type DependencyContext,
  dependency as plainDependency,
  type Resolved,
  type Scope,
  type Unwrap,
  type Uses,
} from '@brisk/di'
import type { InferInputs, InputSpec } from '@brisk/validator'
import type { DependencyMeta, SecurityDeclaration } from './dependency-meta.ts'

export interface RouteDependencyOptions<TUses extends Uses, TInputs extends InputSpec> {
  readonly uses?: TUses
  readonly scope?: Scope
  readonly eager?: boolean
  readonly name?: string
  /**
   * Request inputs this dependency reads (query, headers, cookies, body fields…): validated with
   * the route's own, errors in the same 422, documented on every route that uses it.
   */
  readonly inputs?: TInputs
  /** The security it enforces: schemes and requirements for the docs, credentials it reads. */
  readonly security?: SecurityDeclaration
}

/**
 * A `@brisk/di` dependency that may also read request inputs, typed from their schemas.
 *
 * @example
 * const apiKey = dependency({ inputs: { headers: { x_api_key: v.string() } } }, (_, { inputs }) => {
 *   if (inputs.headers.x_api_key !== 'secret') throw new HTTPException(401, 'Bad API key')
 *   return inputs.headers.x_api_key
 * })
 */
export function dependency<
  const TUses extends Uses = Record<never, never>,
  const TInputs extends InputSpec = Record<never, never>,
  TResult = unknown,
>(
  options: RouteDependencyOptions<TUses, TInputs>,
  factory: (deps: Resolved<TUses>, context: DependencyContext<InferInputs<TInputs>>) => TResult,
): Dependency<Unwrap<TResult>>
export function dependency<TResult>(
  factory: (
    deps: Resolved<Record<never, never>>,
    context: DependencyContext<InferInputs<Record<never, never>>>,
  ) => TResult,
): Dependency<Unwrap<TResult>>
export function dependency(
  optionsOrFactory: RouteDependencyOptions<Uses, InputSpec> | ((...args: any[]) => unknown),
  factory?: (...args: any[]) => unknown,
): Dependency {
  if (typeof optionsOrFactory === 'function') return plainDependency(optionsOrFactory)
  const { inputs, security, ...options } = optionsOrFactory
  if ((inputs || security) && options.scope === 'app') {
    throw new TypeError(
      `dependency '${options.name ?? factory?.name}': an app-scoped dependency cannot read request inputs`,
    )
  }
  const meta: DependencyMeta = {
    ...(inputs === undefined ? {} : { inputs }),
    ...(security === undefined ? {} : { security }),
  }
  return plainDependency({ ...options, meta: { ...meta } }, factory as never)
}

/**
 * The route planner: everything about one operation decided once, at `createApp` (and again when
 * an override changes its dependencies), as plain data the pipeline runs per request.
 */
import type { Dependency, DependencyPlan, RequestScope, Uses } from '@brisk/di'
import {
  createValidator,
  type InputSpec,
  type RequestValidator,
  type ValidatorOptions,
} from '@brisk/validator'
import { inputsOf } from '../dependency-meta.ts'
import type { Operation } from '../operation.ts'
import type { PendingTasks } from './background.ts'
import type { ErrorReporter } from './error-renderer.ts'
import type { RequestExecution } from './host.ts'
import { assertParamsMatch, type ResolvedRoute } from './resolve-operations.ts'
import { gatherInputs } from './route-inputs.ts'
import { planResponse, type ResponseWriter } from './write-response.ts'

/** What every route of an app shares. */
export interface RouteRuntime {
  readonly validatorOptions: ValidatorOptions
  readonly report: ErrorReporter
  readonly createScope: (inputs: unknown, env: unknown) => RequestScope
  readonly pendingTasks: PendingTasks
  /** `executionContext`'s `waitUntil` on runtimes without one: kept with the background tasks. */
  readonly execution: RequestExecution
}

/** A route's dependency graphs, planned by the app's container (overrides applied there). */
export interface RouteGraphs {
  /** Every dependency the route resolves: security first, then `run`, then `deps`. */
  readonly all: DependencyPlan<Uses> | undefined
  /** The security dependencies alone, run before the route's own inputs are read. */
  readonly security: DependencyPlan<Uses> | undefined
}

export interface RoutePlan {
  readonly operation: Operation
  readonly runtime: RouteRuntime
  /** Path parameters are declared: a path whose percent-escapes do not decode is a 400. */
  readonly readsParams: boolean
  /** Credentials and the security dependencies' own inputs, validated before they run. */
  readonly securityValidator: RequestValidator<InputSpec> | undefined
  readonly security: DependencyPlan<Uses> | undefined
  /** The route's own inputs and its other dependencies', validated once security passed. */
  readonly validator: RequestValidator<InputSpec> | undefined
  /** Every dependency (a value the security stage made is reused from the request's scope). */
  readonly dependencies: DependencyPlan<Uses> | undefined
  /**
   * The non-security dependencies that read inputs, each with a validator of its own: a request
   * whose inputs failed still runs those whose inputs are valid. Made on first use, as only such
   * requests need them.
   */
  readonly dependencyValidators: () => ReadonlyArray<
    readonly [Dependency, RequestValidator<InputSpec>]
  >
  readonly handler: (context: any) => unknown
  readonly response: ResponseWriter
  /** Some app-scoped dependency is made at startup (the app starts before the first request). */
  readonly eager: boolean
}

/**
 * Plans one operation. Misconfiguration — a path parameter not declared, a field declared twice
 * with different schemas, a location that is not an object — throws here, naming the route.
 */
export function planRoute(
  resolved: ResolvedRoute,
  graphs: RouteGraphs,
  runtime: RouteRuntime,
): RoutePlan {
  const where = `Route ${resolved.method} ${resolved.path}`
  const dependencies = graphs.all?.dependencies ?? []
  const security = new Set<Dependency>(graphs.security?.dependencies ?? [])
  const inputs = gatherInputs(resolved.inputs, dependencies, security, where)
  assertParamsMatch(resolved.path, inputs.declared, where)
  const operation: Operation = Object.freeze({
    ...resolved,
    inputs: inputs.declared,
    credentials: inputs.credentials,
    dependencies,
  })
  const validatorFor = (spec: InputSpec, bodyLimit: number | undefined) => {
    if (Object.keys(spec).length === 0) return undefined
    const { lax } = resolved
    const options =
      bodyLimit === undefined && lax === undefined
        ? runtime.validatorOptions
        : {
            ...runtime.validatorOptions,
            ...(bodyLimit === undefined ? {} : { bodyLimit }),
            ...(lax === undefined ? {} : { lax }),
          }
    try {
      return createValidator(spec, options)
    } catch (error) {
      throw new TypeError(`${where}: ${(error as Error).message}`, { cause: error })
    }
  }
  let ownValidators: (readonly [Dependency, RequestValidator<InputSpec>])[] | undefined
  const dependencyValidators = () => {
    ownValidators ??= dependencies.flatMap((dependency) => {
      const own = security.has(dependency) ? undefined : inputsOf(dependency)
      const check = own && validatorFor(own, resolved.bodyLimit)
      return check ? [[dependency, check] as const] : []
    })
    return ownValidators
  }
  return {
    operation,
    runtime,
    readsParams: inputs.declared.params !== undefined,
    securityValidator: validatorFor(inputs.beforeSecurity, resolved.bodyLimit),
    security: graphs.security,
    validator: validatorFor(inputs.afterSecurity, resolved.bodyLimit),
    dependencies: graphs.all,
    dependencyValidators,
    handler: resolved.route.handler,
    response: planResponse(operation, runtime.report),
    eager: dependencies.some((dependency) => dependency.eager),
  }
}

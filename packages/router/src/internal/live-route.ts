import type { Container, DependencyPlan, Uses } from '@brisk/di'
import type { Context } from 'hono'
import type { Operation } from '../operation.ts'
import { compileRoute, type RouteRuntime } from './compile-route.ts'
import { inputsOfDependency, mergeInputs } from './merge-inputs.ts'
import { assertParamsMatch, type ResolvedRoute } from './resolve-operations.ts'

type RouteHandler = (c: Context) => Response | Promise<Response>

export interface LiveRoute {
  readonly operation: Operation
  /** The compiled handler for the current overrides. */
  readonly handler: () => RouteHandler
}

/**
 * A route whose inputs depend on its dependency graph: when an override changes the graph (tests),
 * the inputs are merged again and the handler recompiled, so a replacement's own inputs are
 * validated and the replaced one's are no longer demanded. Without overrides this is one compare.
 */
export function liveRoute(
  resolved: ResolvedRoute,
  plan: DependencyPlan<Uses> | undefined,
  securityPlan: DependencyPlan<Uses> | undefined,
  container: Container,
  runtime: RouteRuntime,
): LiveRoute {
  const where = `Route ${resolved.method} ${resolved.path}`
  let compiledAt = -1
  let inputs = resolved.inputs
  let handler: RouteHandler
  const operation: Operation = {
    ...resolved,
    get inputs() {
      refresh()
      return inputs
    },
    get dependencies() {
      return plan?.dependencies ?? []
    },
  }
  function refresh() {
    if (compiledAt === container.version) return
    inputs = mergeInputs(resolved.inputs, operation.dependencies, where)
    assertParamsMatch(resolved.path, inputs, where)
    compiledAt = container.version
    const security = securityPlan && {
      plan: securityPlan,
      inputs: mergeInputs({}, securityPlan.dependencies, where),
    }
    if (security?.inputs.body !== undefined) {
      // Security runs before the route's body is read; reading it there too would read it twice.
      const reader = securityPlan!.dependencies.find((dep) => inputsOfDependency(dep)?.body)
      throw new TypeError(
        `${where}: security dependency '${reader?.name}' declares a body; security runs before the body is read — read it in a route dependency instead`,
      )
    }
    handler = compileRoute(operation, plan, security, runtime)
  }
  refresh()
  return {
    operation,
    handler: () => {
      if (compiledAt !== container.version) refresh()
      return handler
    },
  }
}

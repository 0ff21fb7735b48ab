import type { Dependency } from '../dependency.ts'
import type { Step, Steps } from './build-steps.ts'
import { invoke, Starting } from './invoke.ts'
import { MISSING, type ScopeState } from './request-scope.ts'

/** An app-scoped dependency's value, or a promise of it while it is being made. */
export type AppValue = (dependency: Dependency) => unknown

type Values = Record<string, unknown>

/**
 * Runs a plan's steps in order in one scope and returns the root values by name. Stays sync until
 * a step returns a promise, and then awaits only what is pending: each needless await costs a
 * microtask turn. The values array doubles as the scope's cache (see `ScopeState.track`).
 */
export function resolveSteps(
  plan: Steps,
  scope: ScopeState,
  appValue: AppValue,
): Values | Promise<Values> {
  const steps = plan.steps
  const values: unknown[] = new Array(steps.length)
  scope.track(steps, values)
  for (let index = 0; index < steps.length; index++) {
    const value = compute(steps[index]!, values, scope, appValue)
    // A pending value is stored too, so a concurrent resolution in the scope shares it.
    values[index] = value
    if (value instanceof Promise || value instanceof Starting) {
      return finish(plan, index, value, values, scope, appValue)
    }
  }
  return pick(plan, values)
}

async function finish(
  plan: Steps,
  index: number,
  pending: Promise<unknown> | Starting,
  values: unknown[],
  scope: ScopeState,
  appValue: AppValue,
): Promise<Values> {
  const steps = plan.steps
  values[index] = pending instanceof Starting ? pending.settle(await pending.first) : await pending
  while (++index < steps.length) {
    const value = compute(steps[index]!, values, scope, appValue)
    values[index] = value
    if (value instanceof Promise) values[index] = await value
    else if (value instanceof Starting) values[index] = value.settle(await value.first)
  }
  return pick(plan, values)
}

function compute(step: Step, values: unknown[], scope: ScopeState, appValue: AppValue): unknown {
  const dependency = step.dependency
  if (step.app) return appValue(dependency)
  if (!step.fresh) {
    const cached = scope.lookup(dependency, values)
    if (cached !== MISSING) return cached
  }
  const deps: Values = {}
  const { names, at } = step
  for (let index = 0; index < names.length; index++) deps[names[index]!] = values[at[index]!]
  return invoke(dependency, deps, scope.inputs, scope)
}

function pick(plan: Steps, values: unknown[]): Values {
  const picked: Values = {}
  const { rootNames, rootAt } = plan
  for (let index = 0; index < rootNames.length; index++) {
    picked[rootNames[index]!] = values[rootAt[index]!]
  }
  return picked
}

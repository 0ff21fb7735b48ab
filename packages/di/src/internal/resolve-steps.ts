import type { Dependency } from '../dependency.ts'
import type { Step, Steps } from './build-steps.ts'
import { invoke, Starting } from './invoke.ts'
import { MISSING, type ScopeState } from './request-scope.ts'

/**
 * An app-scoped dependency's value, or a promise of it while it is being made (with `env`, the
 * environment of the scope that needs it, if it is made now).
 */
export type AppValue = (dependency: Dependency, env: unknown) => unknown

type Values = Record<string, unknown>

/**
 * Runs a plan's steps in order in one scope and returns the root values by name. Stays sync until
 * a step returns a promise, and then awaits only what is pending: each needless await costs a
 * microtask turn. The scope's first resolution keeps its values array as the scope's cache (see
 * `ScopeState.track`); later ones record their values in the scope.
 */
export function resolveSteps(
  plan: Steps,
  scope: ScopeState,
  appValue: AppValue,
): Values | Promise<Values> {
  const steps = plan.steps
  const values: unknown[] = new Array(steps.length)
  const cached = scope.track(steps, values)
  for (let index = 0; index < steps.length; index++) {
    const step = steps[index]!
    const value = compute(step, values, scope, appValue)
    // A pending value is stored too, so a concurrent resolution in the scope shares it.
    values[index] = value
    if (!cached) remember(step, value, scope)
    if (value instanceof Promise || value instanceof Starting) {
      return finish(plan, index, cached, values, scope, appValue)
    }
  }
  return pick(plan, values)
}

async function finish(
  plan: Steps,
  index: number,
  cached: boolean,
  values: unknown[],
  scope: ScopeState,
  appValue: AppValue,
): Promise<Values> {
  const steps = plan.steps
  for (;;) {
    // Await only what is pending: each needless await costs a microtask turn.
    let value = values[index]
    if (value instanceof Starting) value = value.settle(await value.first)
    else if (value instanceof Promise) value = await value
    values[index] = value
    if (!cached) remember(steps[index]!, value, scope)
    if (++index === steps.length) return pick(plan, values)
    const next = compute(steps[index]!, values, scope, appValue)
    values[index] = next
    // A pending value is recorded before it is awaited, so a concurrent resolution shares it.
    if (!cached && (next instanceof Promise || next instanceof Starting)) {
      remember(steps[index]!, next, scope)
    }
  }
}

function compute(step: Step, values: unknown[], scope: ScopeState, appValue: AppValue): unknown {
  const dependency = step.dependency
  if (step.app) return appValue(dependency, scope.env)
  if (!step.fresh) {
    const cached = scope.lookup(dependency, values)
    if (cached !== MISSING) return cached
  }
  const deps: Values = {}
  const { names, at } = step
  for (let index = 0; index < names.length; index++) deps[names[index]!] = values[at[index]!]
  return invoke(dependency, deps, scope.inputs, scope.env, scope)
}

/** Records a value in the scope's map (resolutions after the scope's first). */
function remember(step: Step, value: unknown, scope: ScopeState): void {
  if (!step.app && !step.fresh) scope.remember(step.dependency, value)
}

function pick(plan: Steps, values: unknown[]): Values {
  const picked: Values = {}
  const { rootNames, rootAt } = plan
  for (let index = 0; index < rootNames.length; index++) {
    picked[rootNames[index]!] = values[rootAt[index]!]
  }
  return picked
}

/**
 * Runs, in order and for their effects, the steps whose dependency `canRun` accepts and whose
 * uses all ran; the others are skipped, and so is everything that uses them. Always async: this
 * is the path of a request that already failed, where a microtask turn does not matter. A step
 * that throws stops the run with its error.
 */
export async function runSteps(
  plan: Steps,
  scope: ScopeState,
  appValue: AppValue,
  canRun: (dependency: Dependency) => boolean,
): Promise<void> {
  const steps = plan.steps
  const values: unknown[] = new Array(steps.length)
  const skipped: boolean[] = new Array(steps.length).fill(false)
  const cached = scope.track(steps, values)
  for (let index = 0; index < steps.length; index++) {
    const step = steps[index]!
    if ((!step.app && !canRun(step.dependency)) || step.at.some((at) => skipped[at])) {
      skipped[index] = true // left a hole: a later resolution in the scope makes it anew
      continue
    }
    let value = compute(step, values, scope, appValue)
    if (value instanceof Starting) value = value.settle(await value.first)
    else if (value instanceof Promise) value = await value
    values[index] = value
    if (!cached) remember(step, value, scope)
  }
}

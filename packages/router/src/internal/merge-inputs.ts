import type { Dependency } from '@brisk/di'
import type { FieldSchemas, InputSpec, LocationSpec } from '@brisk/validator'
import type * as v from 'valibot'

const LOCATIONS = ['params', 'query', 'headers', 'cookies', 'body'] as const

function entriesOf(
  location: LocationSpec | v.GenericSchema | FieldSchemas,
): FieldSchemas | undefined {
  if (!('kind' in location) || location.kind !== 'schema') return location as FieldSchemas
  return 'entries' in location ? (location.entries as FieldSchemas) : undefined
}

/** The inputs a dependency declares (see the router's `dependency`). */
export function inputsOfDependency(dependency: Dependency): InputSpec | undefined {
  return dependency.meta.inputs as InputSpec | undefined
}

/**
 * Merges the inputs a route's dependencies declare into the route's own, so one validator reads
 * them all and every issue lands in the same 422. A field declared twice must be the same schema.
 */
export function mergeInputs(
  route: InputSpec,
  dependencies: readonly Dependency[],
  where: string,
): InputSpec {
  const declaring = dependencies.filter((dependency) => inputsOfDependency(dependency))
  if (declaring.length === 0) return route
  const merged: { -readonly [TKey in keyof InputSpec]: InputSpec[TKey] } = { ...route }
  for (const dependency of declaring) {
    const inputs = inputsOfDependency(dependency)!
    for (const location of LOCATIONS) {
      const added = inputs[location]
      if (added === undefined) continue
      const existing = merged[location]
      if (existing === undefined) {
        merged[location] = added as never
        continue
      }
      const into = entriesOf(existing)
      const from = entriesOf(added)
      if (!into || !from) {
        throw new Error(
          `${where}: dependency '${dependency.name}' declares ${location} fields, but the ${location} is not an object schema`,
        )
      }
      for (const [name, schema] of Object.entries(from)) {
        if (name in into && into[name] !== schema) {
          throw new Error(
            `${where}: ${location} field '${name}' is declared with different schemas (dependency '${dependency.name}')`,
          )
        }
      }
      merged[location] = { ...into, ...from }
    }
    if (inputs.bodyType !== undefined) {
      if (merged.bodyType !== undefined && merged.bodyType !== inputs.bodyType) {
        throw new Error(
          `${where}: dependency '${dependency.name}' reads a ${inputs.bodyType} body, the route a ${merged.bodyType} one`,
        )
      }
      merged.bodyType = inputs.bodyType
    }
  }
  return merged
}

/**
 * Valibot's plain validation actions (lengths, values, `integer`, `regex`, …) as direct tests, so
 * a compiled pipe checks a value without a dataset and a config per action.
 */
import type { PipeStep } from './schema-node.ts'

// `any`: a test reads what its action's type implies (a length, a number, a string, a Date).
export type ValueTest = (value: any) => boolean

/**
 * A validation action whose `~run` only tests the value, as that test: exactly the negation of
 * the condition under which Valibot adds its issue, reading `requirement` at run time as it does.
 * `undefined` for anything else (transformations, custom checks), which run through `~run`.
 */
export function quickCheck(action: PipeStep): ValueTest | undefined {
  if (action.kind !== 'validation') return undefined
  // The requirement's type follows the action's type.
  const act: { readonly requirement?: any } = action
  switch (action.type) {
    case 'min_length':
      return (value) => !(value.length < act.requirement)
    case 'max_length':
      return (value) => !(value.length > act.requirement)
    case 'length':
      return (value) => value.length === act.requirement
    case 'non_empty':
      return (value) => value.length !== 0
    case 'min_value':
      return (value) => value >= act.requirement
    case 'max_value':
      return (value) => value <= act.requirement
    case 'gt_value':
      return (value) => value > act.requirement
    case 'lt_value':
      return (value) => value < act.requirement
    case 'integer':
    case 'finite':
    case 'safe_integer':
      return (value) => Boolean(act.requirement(value))
    case 'regex':
    case 'email':
      return (value) => act.requirement.test(value)
    case 'starts_with':
      return (value) => value.startsWith(act.requirement)
    case 'ends_with':
      return (value) => value.endsWith(act.requirement)
    case 'multiple_of':
      // Loose, as Valibot's: a bigint remainder `0n` must count as zero.
      // biome-ignore lint/suspicious/noDoubleEquals: the same comparison Valibot makes
      return (value) => !(value % act.requirement != 0)
    default:
      return undefined
  }
}

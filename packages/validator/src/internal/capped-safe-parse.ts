import * as v from 'valibot'

type CappedResult =
  | { readonly success: true; readonly output: unknown }
  | { readonly success: false; readonly issues: readonly v.BaseIssue<unknown>[] }

/**
 * `v.safeParse(schema, value)` that stops working once `maxIssues` issues exist, so an invalid
 * 700 KB body costs about what reading it does instead of building every issue only for the
 * first 100 to be kept.
 *
 * Valibot has no issue limit, but its object, array, record and tuple loops stop at the next
 * failing entry when `config.abortEarly` is set, and each issue it makes reads `config.lang`
 * once (`_addIssue`). A config whose `lang` counts and whose `abortEarly` turns on at the cap
 * therefore bounds the work; the issues before it are Valibot's own, in Valibot's order (issues
 * of union options tried and dropped count too, so a few less than `maxIssues` may be kept). The
 * test beside this file fails if a Valibot release stops reading either per issue.
 */
export function cappedSafeParse(
  schema: v.GenericSchema,
  value: unknown,
  maxIssues: number,
): CappedResult {
  const global = v.getGlobalConfig()
  let made = 0
  const config: v.Config<v.BaseIssue<unknown>> = {
    get lang() {
      made += 1
      return global.lang
    },
    get abortEarly() {
      return global.abortEarly === true || made >= maxIssues
    },
    abortPipeEarly: global.abortPipeEarly,
    message: global.message,
  }
  const dataset = schema['~run']({ value }, config)
  return dataset.issues
    ? { success: false, issues: dataset.issues }
    : { success: true, output: dataset.value }
}

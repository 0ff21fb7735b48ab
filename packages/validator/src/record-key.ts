import * as v from 'valibot'
import { CoercionFailure } from './internal/coercion-failure.ts'
import { createCoercer } from './internal/create-coercer.ts'
import type { SchemaNode } from './internal/schema-node.ts'

/** What `recordKey` returns: a key schema for `v.record` (keys are strings on the wire). */
export type RecordKeySchema<TOutput extends number> = v.BaseSchema<
  string,
  TOutput,
  v.BaseIssue<unknown>
>

/**
 * A record key schema from a number schema: FastAPI's `dict[int, float]` is
 * `v.record(recordKey(v.pipe(v.number(), v.integer())), v.number())`. The key string is coerced
 * as a path or query value is (`"1"` → `1`; `"foo"` is `int_parsing`), then checked by `schema`;
 * an issue reports the key as sent, and its `loc` ends in `'[key]'`, as pydantic's. Throws when
 * `schema` is not a number schema.
 *
 * @example
 * ```ts
 * import * as v from 'valibot'
 * import { recordKey } from '@brisk/validator'
 *
 * const Weights = v.record(recordKey(v.pipe(v.number(), v.integer())), v.number())
 * v.parse(Weights, { '1': 0.5 }) // { 1: 0.5 }
 * ```
 */
export function recordKey<TOutput extends number>(
  schema: v.GenericSchema<unknown, TOutput>,
): RecordKeySchema<TOutput> {
  const node = schema as SchemaNode
  const coerce = createCoercer(node)
  if (coerce === undefined || node.async) {
    throw new TypeError('@brisk/validator: recordKey needs a sync number schema')
  }
  const key = {
    kind: 'schema',
    type: node.type,
    reference: recordKey,
    expects: node.expects,
    async: false,
    '~run'(dataset: v.UnknownDataset, config: v.Config<v.BaseIssue<unknown>>) {
      const sent = String(dataset.value)
      const value = coerce(sent)
      if (value instanceof CoercionFailure) {
        const issue: v.BaseIssue<unknown> = {
          kind: 'schema',
          type: value.type,
          input: sent,
          expected: node.expects,
          received: `"${sent}"`,
          message: value.msg,
          // Read per issue, as Valibot's own issues read it (cappedSafeParse counts these reads).
          lang: config.lang,
        }
        return { typed: false, value: sent, issues: [issue] }
      }
      const result = node['~run']({ value }, config)
      // A key that fails a rule is reported as sent, as a query string's value is.
      for (const issue of result.issues ?? []) Object.assign(issue, { input: sent })
      return result
    },
    get '~standard'() {
      return {
        version: 1 as const,
        vendor: 'valibot',
        validate: (value: unknown) => {
          const dataset = key['~run']({ value }, v.getGlobalConfig())
          return dataset.issues ? { issues: dataset.issues } : { value: dataset.value }
        },
      }
    },
  }
  return key as unknown as RecordKeySchema<TOutput>
}

/**
 * What a location or body is sent as: its schema's input type with each aliased field
 * (`alias('item-query')` from `@brisk/validator`) under its alias, in nested objects and arrays
 * of them too, as the server's validator reads it. Without aliases it is Valibot's input type.
 */
import type * as v from 'valibot'

/** The input of a location declared as a schema or as an object of field schemas, keyed as sent. */
export type WireInput<TLocation> = TLocation extends v.GenericSchema
  ? Nested<v.InferInput<TLocation>, TLocation>
  : TLocation extends Record<string, v.GenericSchema>
    ? Rekey<v.InferInput<v.ObjectSchema<TLocation, undefined>>, TLocation>
    : never

type AliasMeta = { readonly type: 'metadata'; readonly metadata: { readonly alias: string } }

/** The alias in a field's pipes (nested pipes, under optional/nullable wrappers), else `never`. */
type AliasOf<TField> = [PipeAlias<TField>] extends [never]
  ? TField extends { readonly wrapped: infer TWrapped }
    ? AliasOf<TWrapped>
    : never
  : PipeAlias<TField>

type PipeAlias<TField> = TField extends { readonly pipe: infer TPipe } ? AliasIn<TPipe> : never

type AliasIn<TItems> = TItems extends readonly [infer THead, ...infer TRest]
  ? THead extends AliasMeta
    ? THead['metadata']['alias']
    : [ItemAlias<THead>] extends [never]
      ? AliasIn<TRest>
      : ItemAlias<THead>
  : never

type ItemAlias<THead> = THead extends { readonly kind: 'schema' } ? AliasOf<THead> : never

/** The schema under optional/nullable wrappers and pipes. */
type Base<TField> = TField extends { readonly wrapped: infer TWrapped } ? Base<TWrapped> : TField

type WireKey<TKey, TEntries> = TKey extends keyof TEntries
  ? [AliasOf<TEntries[TKey]>] extends [never]
    ? TKey
    : AliasOf<TEntries[TKey]>
  : TKey

/** An object input with its aliased keys renamed (other members, `undefined`, `null` kept). */
type Rekey<TInput, TEntries> = TInput extends object
  ? {
      [TKey in keyof TInput as WireKey<TKey, TEntries>]: TKey extends keyof TEntries
        ? Nested<TInput[TKey], TEntries[TKey]>
        : TInput[TKey]
    }
  : TInput

/** A field's input, renamed inside when its schema is an object or an array of them. */
type Nested<TInput, TField> =
  Base<TField> extends { readonly entries: infer TEntries }
    ? Rekey<TInput, TEntries>
    : Base<TField> extends { readonly type: 'array'; readonly item: infer TItem }
      ? TInput extends readonly (infer TValue)[]
        ? Nested<TValue, TItem>[]
        : TInput
      : TInput

/**
 * What a call sends, typed from the route's input schemas: each location takes its schemas' input
 * type (what the server accepts before coercion), aliased fields under their aliases, and is
 * required when one of its fields is.
 */
import type { WireInput } from './wire-input.ts'

/** Keyed as sent: an aliased field (`alias('item-query')`) under its alias. */
type InputOf<TLocation> = WireInput<TLocation>

// biome-ignore lint/complexity/noBannedTypes: `{}` is the type every all-optional object accepts
type AllOptional<TValue> = {} extends TValue ? true : false

type Location<TOptions, TKey extends string> = TOptions extends {
  readonly [K in TKey]: infer TLocation
}
  ? AllOptional<InputOf<TLocation>> extends true
    ? { readonly [K in TKey]?: InputOf<TLocation> }
    : { readonly [K in TKey]: InputOf<TLocation> }
  : unknown

/** A declared body, or a documented one the handler reads itself (`requestBody`). */
type BodySchema<TOptions> = TOptions extends { readonly body: infer TBody }
  ? TBody
  : TOptions extends { readonly requestBody: { readonly schema: infer TSchema } }
    ? TSchema
    : undefined

type BodyType<TOptions> = TOptions extends { readonly bodyType: infer TType }
  ? TType
  : TOptions extends { readonly requestBody: { readonly bodyType: infer TType } }
    ? TType
    : 'json'

/**
 * The body under the key of its route's `bodyType`: `body` (JSON), `form` (urlencoded, or multipart
 * when a value is a file) or `multipart` (always `multipart/form-data`).
 */
type Body<TOptions> =
  BodySchema<TOptions> extends undefined
    ? unknown
    : BodyField<BodyKey<BodyType<TOptions>>, InputOf<BodySchema<TOptions>>>

type BodyKey<TBodyType> = TBodyType extends 'form'
  ? 'form'
  : TBodyType extends 'multipart'
    ? 'multipart'
    : 'body'

type BodyField<TKey extends string, TInput> = undefined extends TInput
  ? { readonly [K in TKey]?: TInput }
  : { readonly [K in TKey]: TInput }

/** Header values the client sends as they are (an `Authorization`, a trace id). */
export type ExtraHeaders = Readonly<Record<string, string | number | boolean | undefined>>

type Headers<TOptions> = TOptions extends { readonly headers: infer TLocation }
  ? AllOptional<InputOf<TLocation>> extends true
    ? { readonly headers?: InputOf<TLocation> & ExtraHeaders }
    : { readonly headers: InputOf<TLocation> & ExtraHeaders }
  : { readonly headers?: ExtraHeaders }

/** Everything one call of a route takes. */
export type RequestOptions<TOptions> = Location<TOptions, 'params'> &
  Location<TOptions, 'query'> &
  Location<TOptions, 'cookies'> &
  Headers<TOptions> &
  Body<TOptions> & {
    /** Aborts the request (and stops reading a stream). */
    readonly signal?: AbortSignal
  }

/** The rest arguments of a call: the options may be left out when nothing in them is required. */
export type RequestArgs<TOptions> =
  AllOptional<RequestOptions<TOptions>> extends true
    ? [options?: RequestOptions<TOptions>]
    : [options: RequestOptions<TOptions>]

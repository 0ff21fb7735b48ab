/**
 * What a call resolves to: one variant per status the route can answer — the statuses it declares,
 * typed from its response schemas, and the ones Brisk itself answers (401/403 on routes that are
 * not public, 413/415 on routes with a body, 422 and 500 everywhere) — so `data` is read only
 * after the status is narrowed.
 */
import type * as v from 'valibot'

/** One answer: its status, its body (parsed JSON, text, or a stream) and the raw response. */
export interface ClientResponse<TStatus extends number, TData> {
  readonly status: TStatus
  readonly data: TData
  readonly response: Response
}

/** One entry of a 422 body, in FastAPI's shape. */
export interface ValidationIssue {
  readonly type: string
  readonly loc: readonly (string | number)[]
  readonly msg: string
  readonly input: unknown
  readonly ctx?: Readonly<Record<string, unknown>>
}

/** The body of Brisk's (and FastAPI's) 422. */
export interface HTTPValidationError {
  readonly detail: readonly ValidationIssue[]
}

/** The body of Brisk's other error answers (401, 403, 404, 413, 415, 500 …). */
export interface ErrorDetail {
  readonly detail: string
}

type SchemaOutput<TDeclaration> = TDeclaration extends v.GenericSchema
  ? v.InferOutput<TDeclaration>
  : TDeclaration extends { readonly schema: infer TSchema extends v.GenericSchema }
    ? v.InferOutput<TSchema>
    : unknown

type DefaultStatus<TOptions> = TOptions extends { readonly status: infer TStatus extends number }
  ? TStatus
  : 200

type Declared<TOptions> = TOptions extends { readonly responses: infer TResponses }
  ? TResponses
  : Record<never, never>

type StreamItem<TOptions> = TOptions extends {
  readonly stream: { readonly item: infer TSchema extends v.GenericSchema }
}
  ? v.InferOutput<TSchema>
  : unknown

type DefaultData<TOptions, TMethod> = TMethod extends 'HEAD'
  ? undefined
  : TOptions extends { readonly stream: unknown }
    ? AsyncIterable<StreamItem<TOptions>>
    : TOptions extends { readonly response: infer TSchema extends v.GenericSchema }
      ? v.InferOutput<TSchema>
      : DefaultStatus<TOptions> extends keyof Declared<TOptions>
        ? SchemaOutput<Declared<TOptions>[DefaultStatus<TOptions>]>
        : unknown

type BriskAnswers<TOptions> = {
  422: HTTPValidationError
  500: ErrorDetail
} & (TOptions extends { readonly public: true }
  ? unknown
  : { 401: ErrorDetail; 403: ErrorDetail }) &
  (TOptions extends { readonly body: unknown } ? { 413: ErrorDetail; 415: ErrorDetail } : unknown)

type DeclaredStatus<TOptions> = DefaultStatus<TOptions> | (keyof Declared<TOptions> & number)

type Variants<TOptions, TMethod> = {
  [TStatus in DeclaredStatus<TOptions>]: ClientResponse<
    TStatus,
    TStatus extends DefaultStatus<TOptions>
      ? DefaultData<TOptions, TMethod>
      : TMethod extends 'HEAD'
        ? undefined
        : SchemaOutput<Declared<TOptions>[TStatus & keyof Declared<TOptions>]>
  >
}[DeclaredStatus<TOptions>]

type BriskVariants<TOptions, TMethod> = {
  [TStatus in Exclude<
    keyof BriskAnswers<TOptions> & number,
    DeclaredStatus<TOptions>
  >]: ClientResponse<TStatus, TMethod extends 'HEAD' ? undefined : BriskAnswers<TOptions>[TStatus]>
}[Exclude<keyof BriskAnswers<TOptions> & number, DeclaredStatus<TOptions>>]

/** Every answer a route can give, as a union discriminated by `status`. */
export type ClientResult<TOptions, TMethod = 'GET'> =
  | Variants<TOptions, TMethod>
  | BriskVariants<TOptions, TMethod>

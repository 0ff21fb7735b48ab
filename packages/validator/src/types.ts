/**
 * Public types of `@brisk/validator`: how request inputs are declared, what a handler receives, and
 * the shape of validation results and issues.
 */
import type * as v from 'valibot'

/** A location declared as a plain object of field schemas, e.g. `{ id: v.number() }`. */
export type FieldSchemas = Record<string, v.GenericSchema>

/**
 * Any sync Valibot schema that has object `entries`: `v.object`, `v.looseObject`, `v.strictObject`,
 * `v.objectWithRest`, and pipes whose root is one of those.
 */
export type ObjectLikeSchema = v.GenericSchema<any, Record<string, any>> & {
  readonly entries: v.ObjectEntries
}

/** A request location: an object of field schemas, or a whole Valibot object schema. */
export type LocationSpec = FieldSchemas | ObjectLikeSchema

/** How the request body is read: JSON, a form (urlencoded or multipart), or multipart only. */
export type BodyType = 'json' | 'form' | 'multipart'

/** The inputs of one route, one entry per request location. Undeclared locations are not read. */
export interface InputSpec {
  /** Path parameters (already decoded by the router). */
  params?: LocationSpec
  /** Query string parameters; repeated keys fill array fields. */
  query?: LocationSpec
  /** Headers; field names match case-insensitively, `user_agent` and `userAgent` mean `user-agent`. */
  headers?: LocationSpec
  /** Cookies from the `Cookie` header. */
  cookies?: LocationSpec
  /** Any schema for JSON; field schemas are wrapped in `v.object`. Forms need an object schema. */
  body?: v.GenericSchema | FieldSchemas
  /** Default `'json'`; `'form'` accepts urlencoded and multipart; `'multipart'` only multipart. */
  bodyType?: BodyType
}

/** The validated value of one location's spec (field schemas or an object schema). */
export type InferLocation<TLocation> = TLocation extends v.GenericSchema
  ? v.InferOutput<TLocation>
  : TLocation extends FieldSchemas
    ? v.InferOutput<v.ObjectSchema<TLocation, undefined>>
    : Record<string, never>

type InferDeclared<TSpec, TKey extends string> = TSpec extends {
  readonly [K in TKey]: infer TLocation
}
  ? InferLocation<TLocation>
  : Record<string, never>

/** What a handler receives: the Valibot output of each declared location. */
export type InferInputs<TSpec extends InputSpec> = {
  params: InferDeclared<TSpec, 'params'>
  query: InferDeclared<TSpec, 'query'>
  headers: InferDeclared<TSpec, 'headers'>
  cookies: InferDeclared<TSpec, 'cookies'>
  body: TSpec extends { readonly body: infer TBody } ? InferLocation<TBody> : undefined
}

/** Caps on untrusted input, applied before and while validating. */
export interface ValidationLimits {
  /** Deepest nesting of arrays and objects in a JSON body (default 64). */
  maxDepth: number
  /** Most values (objects, arrays and primitives) in a JSON body (default 100 000). */
  maxNodes: number
  /** Most fields and files in a form body (default 1 000). */
  maxParts: number
  /** Most issues reported in one response (default 100). */
  maxIssues: number
}

/** Options of {@link createValidator} and {@link validator}. */
export interface ValidatorOptions {
  /** Largest body read, in bytes (default 1 048 576). Larger bodies fail with 413. */
  bodyLimit?: number
  /** Status of a validation failure (default 422). */
  errorStatus?: 400 | 422
  /** `'fastapi'`: `{"detail":[...]}`; `'problem'`: RFC 9457 `application/problem+json`. */
  errorFormat?: 'fastapi' | 'problem'
  /** Caps on untrusted input; unset entries keep their defaults. */
  limits?: Partial<ValidationLimits>
  /**
   * Pydantic's lax mode for JSON bodies (default false): numeric strings become numbers,
   * pydantic's boolean words and 0/1 booleans, arrays `v.set()` Sets, number options of a
   * picklist their number; a string that does not parse is `float_parsing`, `int_parsing` or
   * `bool_parsing`. Path, query, header, cookie and form values are coerced from text either way.
   */
  lax?: boolean
}

/** Options with every default filled in. */
export interface ResolvedValidatorOptions {
  readonly bodyLimit: number
  readonly errorStatus: 400 | 422
  readonly errorFormat: 'fastapi' | 'problem'
  readonly limits: Readonly<ValidationLimits>
  readonly lax: boolean
}

/** One problem with the request, in FastAPI's (pydantic's) shape. */
export interface ValidationIssue {
  /** Machine-readable kind, e.g. `missing`, `int_parsing`, `string_too_short`. */
  type: string
  /** Where: `['query', 'limit']`, `['body', 'items', 3, 'name']`. */
  loc: (string | number)[]
  /** A readable sentence. */
  msg: string
  /** The offending value, truncated; `null` when missing. */
  input: unknown
  /** Parameters of the rule that failed, e.g. `{ ge: 1 }`. */
  ctx?: Record<string, unknown>
}

/** A failed validation: 422/400 with issues, or 413/415 with a `detail` sentence and no issues. */
export interface ValidationFailure {
  ok: false
  status: number
  issues: ValidationIssue[]
  detail?: string
}

/** The outcome of validating one request. */
export type ValidationResult<TValue> = { ok: true; value: TValue } | ValidationFailure

/** A validator planned once for one {@link InputSpec}. */
export interface RequestValidator<TSpec extends InputSpec> {
  readonly spec: TSpec
  readonly options: ResolvedValidatorOptions
  /** Whether `validate` reads the body (and so returns a Promise). */
  readonly readsBody: boolean
  /**
   * Validates one request. Sync when no body is read, a Promise otherwise.
   * `params` are the already-decoded path parameters.
   */
  validate(
    request: Request,
    params?: Record<string, string>,
    raw?: RawRequest,
  ): ValidationResult<InferInputs<TSpec>> | Promise<ValidationResult<InferInputs<TSpec>>>
}

/**
 * A runtime adapter's direct view of the request (e.g. Node's `IncomingMessage`): its headers and
 * body bytes, read instead of the web `Request`'s — same limits, same results — so the adapter need
 * not build a `Headers` object or a web stream over the socket first.
 */
export interface RawRequest {
  /** Header lookup by lowercase name, answered as `Headers.get` would (repeats joined by `, `). */
  readonly headers: Pick<Headers, 'get'>
  /**
   * The whole body; `undefined` as soon as more than `limit` bytes arrive (reading stops there).
   * Rejects when the body cannot be read (the client went away mid-body).
   */
  read(limit: number): Promise<Uint8Array | undefined>
}

/**
 * `@brisk/validator`: request inputs declared as Valibot schemas, coerced from strings, validated
 * in one pass, with FastAPI-style errors.
 */
export { type AliasMetadata, alias, fieldAlias } from './alias.ts'
export { type CompiledParser, compileParser, INVALID } from './compile-parser.ts'
export { createValidator } from './create-validator.ts'
export { type EnvironmentResult, environmentParser } from './environment-parser.ts'
export { headerName } from './internal/header-name.ts'
export { mediaType } from './internal/media-type.ts'
export { locationEntries } from './location-entries.ts'
export { type RecordKeySchema, recordKey } from './record-key.ts'
export type {
  BodyType,
  FieldSchemas,
  InferInputs,
  InferLocation,
  InputSpec,
  LocationSpec,
  ObjectLikeSchema,
  RawRequest,
  RequestValidator,
  ResolvedValidatorOptions,
  ValidationFailure,
  ValidationIssue,
  ValidationLimits,
  ValidationResult,
  ValidatorOptions,
} from './types.ts'
export { validationErrorResponse } from './validation-error-response.ts'
export { type BodyTarget, type ValidatorInput, validator } from './validator.ts'

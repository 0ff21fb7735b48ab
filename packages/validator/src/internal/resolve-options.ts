import type { ResolvedValidatorOptions, ValidationLimits, ValidatorOptions } from '../types.ts'

/** Default caps on untrusted input. */
export const DEFAULT_LIMITS: Readonly<ValidationLimits> = Object.freeze({
  maxDepth: 64,
  maxNodes: 100_000,
  maxParts: 1_000,
  maxIssues: 100,
})

/** Default largest body, 1 MiB. */
export const DEFAULT_BODY_LIMIT = 1_048_576

function checkCount(name: string, value: number, min: number): void {
  if (!Number.isSafeInteger(value) || value < min) {
    throw new TypeError(`@brisk/validator: ${name} must be an integer >= ${min}, got ${value}`)
  }
}

/** Fills in defaults and rejects nonsense at creation time rather than on the first request. */
export function resolveOptions(options: ValidatorOptions | undefined): ResolvedValidatorOptions {
  const bodyLimit = options?.bodyLimit ?? DEFAULT_BODY_LIMIT
  const errorStatus = options?.errorStatus ?? 422
  const errorFormat = options?.errorFormat ?? 'fastapi'
  const limits = { ...DEFAULT_LIMITS, ...options?.limits }
  checkCount('bodyLimit', bodyLimit, 0)
  if (errorStatus !== 400 && errorStatus !== 422) {
    throw new TypeError(`@brisk/validator: errorStatus must be 400 or 422, got ${errorStatus}`)
  }
  if (errorFormat !== 'fastapi' && errorFormat !== 'problem') {
    throw new TypeError(
      `@brisk/validator: errorFormat must be 'fastapi' or 'problem', got ${String(errorFormat)}`,
    )
  }
  for (const key of Object.keys(DEFAULT_LIMITS) as (keyof ValidationLimits)[]) {
    checkCount(`limits.${key}`, limits[key], 1)
  }
  const lax = options?.lax ?? false
  if (typeof lax !== 'boolean') {
    throw new TypeError(`@brisk/validator: lax must be true or false, got ${String(lax)}`)
  }
  return Object.freeze({ bodyLimit, errorStatus, errorFormat, limits: Object.freeze(limits), lax })
}

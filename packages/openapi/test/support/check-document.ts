/** Proof that a generated document is valid OpenAPI 3.1 and passes Redocly's recommended rules. */
import { createConfig, lintFromString } from '@redocly/openapi-core'
import { Validator } from '@seriousme/openapi-schema-validator'

export interface DocumentCheck {
  readonly schemaErrors: unknown
  /** Redocly problems at severity `error`, as `ruleId at pointer: message`. */
  readonly lintErrors: string[]
  readonly lintWarnings: string[]
}

// `/items/` is a path a FastAPI port has on purpose (a router's `'/'` under a prefix): a trailing
// slash is a style Redocly prefers against, not an error in the document.
const config = createConfig({
  extends: ['recommended'],
  rules: { 'no-path-trailing-slash': 'warn' },
})

export async function checkDocument(document: unknown): Promise<DocumentCheck> {
  const validator = new Validator()
  const result = await validator.validate(structuredClone(document) as Record<string, unknown>)
  const problems = await lintFromString({
    source: JSON.stringify(document),
    absoluteRef: 'openapi.json',
    config: await config,
  })
  const describe = (p: (typeof problems)[number]) =>
    `${p.ruleId} at ${p.location[0]?.pointer ?? '?'}: ${p.message}`
  return {
    schemaErrors: result.valid ? undefined : result.errors,
    lintErrors: problems.filter((p) => p.severity === 'error').map(describe),
    lintWarnings: problems.filter((p) => p.severity === 'warn').map(describe),
  }
}

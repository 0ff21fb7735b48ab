import { describe, expect, it } from 'vitest'
import { checkDocument } from '../../openapi/test/support/check-document.ts'
import { fixtureDocument } from '../src/fixture.ts'

describe('the fixture OpenAPI document', () => {
  it('is valid OpenAPI 3.1 and passes the recommended lint rules', async () => {
    const check = await checkDocument(fixtureDocument())
    expect(check.schemaErrors).toBeUndefined()
    expect(check.lintErrors).toEqual([])
  })
})

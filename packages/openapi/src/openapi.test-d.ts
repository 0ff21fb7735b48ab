import { createApp } from '@brisk/router'
import { describe, expectTypeOf, it } from 'vitest'
import { createDocument, type DocumentSource } from './create-document.ts'
import { openapi } from './openapi.ts'
import type { OpenAPIDocument } from './types.ts'

describe('openapi types', () => {
  it('reads any Brisk app as a document source', () => {
    const app = createApp({ routes: [] })
    expectTypeOf(app).toMatchTypeOf<DocumentSource>()
    expectTypeOf(
      createDocument(app, { info: { title: 't', version: '1' } }),
    ).toEqualTypeOf<OpenAPIDocument>()
    expectTypeOf(
      openapi(app, { info: { title: 't', version: '1' } }).document,
    ).returns.toEqualTypeOf<OpenAPIDocument>()
  })

  it('requires a title and a version', () => {
    const app = createApp({ routes: [] })
    // @ts-expect-error `version` is required by OpenAPI
    createDocument(app, { info: { title: 't' } })
    // @ts-expect-error the path is a string or false
    openapi(app, { info: { title: 't', version: '1' }, path: true })
  })
})

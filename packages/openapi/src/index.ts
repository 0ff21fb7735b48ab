/**
 * @brisk/openapi — the OpenAPI 3.1 document of a Brisk app, generated from its routes, and
 * interactive Scalar docs that work offline.
 */

export {
  type AsyncApiDocument,
  asyncApiOf,
  createAsyncApiDocument,
} from './asyncapi-document.ts'
export { createDocument, type DocumentOptions, type DocumentSource } from './create-document.ts'
export { type DocsOptions, docs } from './docs.ts'
export {
  type DocsContext,
  type DocsHandlers,
  type DocsHandlersOptions,
  docsHandlers,
  type ScalarSource,
} from './docs-handlers.ts'
export { type DocsPageOptions, type DocsServer, docsPage } from './docs-page.ts'
export { type OpenAPIOptions, openapi } from './openapi.ts'
export { SCALAR_INTEGRITY, SCALAR_VERSION, scalarCdn } from './scalar-cdn.ts'
export { combineRequirements } from './security.ts'
export type {
  InfoObject,
  JsonSchema,
  OpenAPIDocument,
  OperationObject,
  ParameterObject,
  RequestBodyObject,
  ResponseObject,
  SecurityRequirement,
  ServerObject,
  TagObject,
} from './types.ts'

/** The parts of an OpenAPI 3.1 document Brisk writes (a JSON Schema is a plain object). */

export type JsonSchema = Record<string, unknown>

export interface InfoObject {
  title: string
  version: string
  summary?: string
  description?: string
  termsOfService?: string
  contact?: { name?: string; url?: string; email?: string }
  license?: { name: string; identifier?: string; url?: string }
}

export interface ServerObject {
  url: string
  description?: string
}

export interface TagObject {
  name: string
  description?: string
}

export interface ParameterObject {
  name: string
  in: 'path' | 'query' | 'header' | 'cookie'
  required?: boolean
  description?: string
  deprecated?: boolean
  schema: JsonSchema
  style?: string
  explode?: boolean
  example?: unknown
}

export interface MediaTypeObject {
  schema?: JsonSchema
  encoding?: Record<string, { contentType?: string }>
}

export interface RequestBodyObject {
  required?: boolean
  content: Record<string, MediaTypeObject>
}

export interface ResponseObject {
  description: string
  headers?: Record<string, { description?: string; schema: JsonSchema }>
  content?: Record<string, MediaTypeObject>
}

export type SecurityRequirement = Record<string, string[]>

export interface OperationObject {
  operationId: string
  summary?: string
  description?: string
  tags?: string[]
  deprecated?: boolean
  parameters?: ParameterObject[]
  requestBody?: RequestBodyObject
  responses: Record<string, ResponseObject>
  security?: SecurityRequirement[]
  /** A WebSocket route's messages, size limit and close codes (OpenAPI has no word for them). */
  'x-websocket'?: JsonSchema
}

export interface OpenAPIDocument {
  openapi: '3.1.1'
  jsonSchemaDialect?: string
  info: InfoObject
  servers?: ServerObject[]
  tags?: TagObject[]
  paths: Record<string, Record<string, OperationObject>>
  components: {
    schemas: Record<string, JsonSchema>
    securitySchemes?: Record<string, JsonSchema>
  }
  security?: SecurityRequirement[]
}

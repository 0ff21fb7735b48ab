/**
 * Proof that the hello app's document is good enough for a generated client: openapi-typescript
 * turns it into types that a strict compile accepts for correct calls and rejects for wrong ones,
 * and openapi-fetch calls the running server with exactly what the document promised.
 */
import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { type NodeServer, serve } from '@brisk/router/node'
import createClient from 'openapi-fetch'
import openapiTS, { astToString, type OpenAPI3 } from 'openapi-typescript'
import ts from 'typescript'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { app, spec } from '../../../apps/hello/src/app.ts'

/** A client as a user would write it, calling four operations, plus misuses that must not compile. */
const CLIENT = `import createClient from 'openapi-fetch'
import type { paths } from './schema.ts'

export async function useHello(baseUrl: string) {
  const client = createClient<paths>({ baseUrl })
  const login = await client.POST('/token', {
    body: { grant_type: 'password', username: 'alice', password: 'wonderland', scope: 'items:write' },
    bodySerializer: (body) => new URLSearchParams(body as Record<string, string>),
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
  })
  const token: string | undefined = login.data?.access_token
  const created = await client.POST('/items', {
    body: { name: 'lamp', price: 12.5, tags: ['desk'] },
    params: { header: { 'x-request-id': 'r-1' } },
    headers: { authorization: \`Bearer \${token}\` },
  })
  const id: number | undefined = created.data?.id
  const item = await client.GET('/items/{item_id}', { params: { path: { item_id: id ?? 1 } } })
  const tags: string[] | undefined = item.data?.tags
  const search = await client.GET('/search', {
    params: { query: { q: 'lamp', limit: 5, tag: ['a', 'b'] } },
  })
  const user = await client.GET('/users/{user_id}', { params: { path: { user_id: 1 } } })
  const publicUser: { id: number; name: string; email: string } | undefined = user.data
  return { id, tags, search: search.data, publicUser }
}

export async function misuse(baseUrl: string) {
  const client = createClient<paths>({ baseUrl })
  // @ts-expect-error price is a number, not a string
  await client.POST('/items', { body: { name: 'lamp', price: '12.5', tags: [] } })
  // @ts-expect-error name is required
  await client.POST('/items', { body: { price: 1, tags: [] } })
  // @ts-expect-error item_id is a number
  await client.GET('/items/{item_id}', { params: { path: { item_id: 'one' } } })
  // @ts-expect-error q is required
  await client.GET('/search', { params: { query: { limit: 5 } } })
  // @ts-expect-error no such path
  await client.GET('/user/{user_id}', { params: { path: { user_id: 1 } } })
  const user = await client.GET('/users/{user_id}', { params: { path: { user_id: 1 } } })
  // @ts-expect-error the password hash is not part of a public user
  return user.data?.password_hash
}
`

const COMPILER_OPTIONS: ts.CompilerOptions = {
  strict: true,
  noUncheckedIndexedAccess: true,
  exactOptionalPropertyTypes: true,
  noUnusedLocals: true,
  target: ts.ScriptTarget.ES2022,
  module: ts.ModuleKind.ESNext,
  moduleResolution: ts.ModuleResolutionKind.Bundler,
  lib: ['lib.es2023.d.ts', 'lib.dom.d.ts'],
  types: [],
  allowImportingTsExtensions: true,
  noEmit: true,
  skipLibCheck: true,
}

/** The package directory of `openapi-fetch`, as this workspace installed it. */
function openapiFetchDirectory(): string {
  return dirname(dirname(fileURLToPath(import.meta.resolve('openapi-fetch'))))
}

describe('a client generated from the hello document', () => {
  let directory: string

  beforeAll(async () => {
    directory = await mkdtemp(join(tmpdir(), 'brisk-client-'))
    const types = astToString(await openapiTS(spec.document() as unknown as OpenAPI3))
    await writeFile(join(directory, 'schema.ts'), types)
    await writeFile(join(directory, 'client.ts'), CLIENT)
    await mkdir(join(directory, 'node_modules'))
    await symlink(openapiFetchDirectory(), join(directory, 'node_modules', 'openapi-fetch'), 'dir')
  })

  afterAll(async () => {
    await rm(directory, { recursive: true, force: true })
  })

  it('type-checks under strict settings, and rejects every misuse', () => {
    const program = ts.createProgram([join(directory, 'client.ts')], COMPILER_OPTIONS)
    const diagnostics = ts.getPreEmitDiagnostics(program).map((diagnostic) => {
      const text = ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n')
      if (!diagnostic.file || diagnostic.start === undefined) return text
      const { line } = diagnostic.file.getLineAndCharacterOfPosition(diagnostic.start)
      return `${diagnostic.file.fileName.slice(directory.length + 1)}:${line + 1}: ${text}`
    })
    expect(diagnostics).toEqual([])
    // The generated types were really read (a missing module would be a diagnostic above).
    expect(program.getSourceFile(join(directory, 'schema.ts'))).toBeDefined()
  })
})

// The generated types exist only in the temporary project, so these calls are the checked
// client's calls run untyped (`any`): what is proven here is the wire, above the types.
describe('the same calls against the running hello app', () => {
  let server: NodeServer
  let baseUrl: string

  beforeAll(async () => {
    server = await serve(app, { port: 0, hostname: '127.0.0.1', signals: [], exit: false })
    baseUrl = `http://127.0.0.1:${(server.server.address() as AddressInfo).port}`
  })

  afterAll(async () => {
    await server.close()
  })

  it('logs in, creates and reads an item', async () => {
    const client = createClient<any>({ baseUrl })
    const login = await client.POST('/token', {
      body: {
        grant_type: 'password',
        username: 'alice',
        password: 'wonderland',
        scope: 'items:write',
      },
      bodySerializer: (body: Record<string, string>) => new URLSearchParams(body),
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    })
    expect(login.response.status).toBe(200)
    expect(login.data).toMatchObject({ token_type: 'Bearer', scope: 'items:write' })
    const unauthorized = await client.POST('/items', { body: { name: 'lamp', price: 1, tags: [] } })
    expect(unauthorized.response.status).toBe(401)
    const created = await client.POST('/items', {
      body: { name: 'lamp', price: 12.5, tags: ['desk'] },
      params: { header: { 'x-request-id': 'r-1' } },
      headers: { authorization: `Bearer ${login.data.access_token}` },
    })
    expect(created.response.status).toBe(201)
    expect(created.response.headers.get('x-request-id')).toBe('r-1')
    expect(created.data).toEqual({ id: 1, name: 'lamp', price: 12.5, tags: ['desk'] })
    const item = await client.GET('/items/{item_id}', { params: { path: { item_id: 1 } } })
    expect(item.response.status).toBe(200)
    expect(item.data).toEqual({ id: 1, name: 'lamp', price: 12.5, tags: ['desk'] })
  })

  it('searches with a coerced query and repeated keys', async () => {
    const client = createClient<any>({ baseUrl })
    const search = await client.GET('/search', {
      params: { query: { q: 'lamp', limit: 5, tag: ['a', 'b'] } },
    })
    expect(search.response.url).toBe(`${baseUrl}/search?q=lamp&limit=5&tag=a&tag=b`)
    expect(search.response.status).toBe(200)
    expect(search.data).toEqual({ q: 'lamp', limit: 5, tag: ['a', 'b'] })
  })

  it('reads a public user, and gets the documented 404 and 422', async () => {
    const client = createClient<any>({ baseUrl })
    const user = await client.GET('/users/{user_id}', { params: { path: { user_id: 1 } } })
    expect(user.response.status).toBe(200)
    expect(user.data).toEqual({ id: 1, name: 'Ada', email: 'ada@example.com' })
    const missing = await client.GET('/users/{user_id}', { params: { path: { user_id: 9 } } })
    expect(missing.response.status).toBe(404)
    expect(missing.error).toEqual({ detail: 'User not found' })
    const invalid = await client.GET('/items/{item_id}', { params: { path: { item_id: 0 } } })
    expect(invalid.response.status).toBe(422)
    expect(invalid.error).toEqual({
      detail: [
        {
          type: 'greater_than_equal',
          loc: ['path', 'item_id'],
          msg: 'Input should be greater than or equal to 1',
          input: '0',
          ctx: { ge: 1 },
        },
      ],
    })
  })
})

import { describe, expect, it } from 'vitest'
import { assertValidPath, joinPaths, pathParamNames, toHonoPath } from './path.ts'

describe('paths', () => {
  it('lists placeholder names in order', () => {
    expect(pathParamNames('/orgs/{org}/users/{user_id}')).toEqual(['org', 'user_id'])
  })

  it('converts OpenAPI placeholders to Hono params, catch-alls included', () => {
    expect(toHonoPath('/items/{item_id}')).toBe('/items/:item_id')
    expect(toHonoPath('/files/{file_path:path}')).toBe('/files/:file_path{.+}')
  })

  it('joins prefixes without doubling slashes, as APIRouter does', () => {
    expect(joinPaths('/api/', '/users')).toBe('/api/users')
    expect(joinPaths('', '/users')).toBe('/users')
    expect(joinPaths('/', '/users')).toBe('/users')
    // FastAPI: prefix="/api" with @router.get("/") is /api/, with @router.get("") /api itself.
    expect(joinPaths('/api', '/')).toBe('/api/')
    expect(joinPaths('/api/', '/')).toBe('/api/')
    expect(joinPaths('/api', '')).toBe('/api')
    expect(joinPaths('', '')).toBe('/')
    expect(joinPaths('', '/')).toBe('/')
  })

  it('rejects malformed and duplicate placeholders, naming the route', () => {
    expect(() => assertValidPath('/items/{id', 'Route GET /items/{id')).toThrow(
      /Route GET \/items\/\{id: malformed path parameter/,
    )
    expect(() => assertValidPath('/a/{x}/b/{x}', 'R')).toThrow(
      "R: path parameter 'x' appears twice",
    )
    expect(() => assertValidPath('items', 'R')).toThrow("R: the path must start with '/'")
  })
})

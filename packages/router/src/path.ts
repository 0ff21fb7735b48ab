/** Route paths use the OpenAPI/FastAPI syntax (`/items/{item_id}`); Hono wants `/items/:item_id`. */

const PARAM = /\{([A-Za-z_][A-Za-z0-9_]*)(:path)?\}/g

/** The names of the `{param}` placeholders in a path, in order. */
export function pathParamNames(path: string): string[] {
  return Array.from(path.matchAll(PARAM), (match) => match[1] as string)
}

/**
 * Converts `/items/{id}` to Hono's `/items/:id`; `{name:path}` (FastAPI's catch-all) matches the rest of
 * the path, slashes included.
 */
export function toHonoPath(path: string): string {
  return path.replace(PARAM, (_, name: string, catchAll?: string) =>
    catchAll ? `:${name}{.+}` : `:${name}`,
  )
}

/**
 * Joins a router prefix and a route path without doubling slashes, as FastAPI's `APIRouter` does:
 * under `/admin`, `'/'` is `/admin/` and `''` is `/admin` itself.
 */
export function joinPaths(prefix: string, path: string): string {
  const base = prefix.endsWith('/') ? prefix.slice(0, -1) : prefix
  return base + path || '/'
}

/** Throws when a path is not something the router can serve as written. */
export function assertValidPath(path: string, where: string): void {
  if (!path.startsWith('/')) throw new Error(`${where}: the path must start with '/'`)
  const stripped = path.replace(PARAM, '')
  if (stripped.includes('{') || stripped.includes('}')) {
    throw new Error(
      `${where}: malformed path parameter in '${path}' (use '{name}' with a letter, digit or '_' name)`,
    )
  }
  const names = pathParamNames(path)
  const duplicate = names.find((name, index) => names.indexOf(name) !== index)
  if (duplicate) throw new Error(`${where}: path parameter '${duplicate}' appears twice`)
}

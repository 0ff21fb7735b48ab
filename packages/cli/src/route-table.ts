/** `routeTable`: an app's routes as rows (method, path, operation id, security, tags) and as text. */
import { type BriskApp, securityOf } from '@brisk/router'

export interface RouteRow {
  readonly method: string
  readonly path: string
  readonly operationId: string
  /** `public`, or the accepted requirements, e.g. `OAuth2PasswordBearer[items:write] | APIKey`. */
  readonly security: string
  readonly tags: readonly string[]
}

/**
 * One row per operation, in declaration order.
 *
 * @example
 * for (const row of routeRows(app)) console.log(row.method, row.path)
 */
export function routeRows(app: Pick<BriskApp, 'operations'>): RouteRow[] {
  return app.operations.map((operation) => {
    const requirements = operation.security.flatMap((use) => {
      const dependency = use.kind === 'fresh' ? use.dependency : use
      const declared = securityOf(dependency)?.requirements ?? []
      return declared.map((requirement) =>
        Object.entries(requirement)
          .map(([scheme, scopes]) =>
            scopes.length > 0 ? `${scheme}[${scopes.join(' ')}]` : scheme,
          )
          .join(' + '),
      )
    })
    const security =
      operation.security.length === 0
        ? 'public'
        : requirements.length > 0
          ? requirements.join(' | ')
          : 'dependency'
    return {
      method: operation.method.toUpperCase(),
      path: operation.path,
      operationId: operation.operationId,
      security,
      tags: operation.tags,
    }
  })
}

/**
 * The rows as aligned columns, with a header line; `indent` prefixes every line.
 *
 * @example
 * console.log(routeTable(app))
 */
export function routeTable(app: Pick<BriskApp, 'operations'>, indent = ''): string {
  const rows = routeRows(app).map((row) => [
    row.method,
    row.path,
    row.operationId,
    row.security,
    row.tags.join(', '),
  ])
  if (rows.length === 0) return `${indent}(no routes)`
  const table = [['METHOD', 'PATH', 'OPERATION', 'SECURITY', 'TAGS'], ...rows]
  const widths = table[0]!.map((_, column) => Math.max(...table.map((row) => row[column]!.length)))
  return table
    .map(
      (row) =>
        indent +
        row
          .map((cell, column) => cell.padEnd(widths[column]!))
          .join('  ')
          .trimEnd(),
    )
    .join('\n')
}

/** `banner`: what a starting server prints — where it listens, where the docs are, its routes. */
import type { BriskApp } from '@brisk/router'
import { routeTable } from './route-table.ts'

export interface BannerOptions {
  readonly title: string
  /** The entry, as the person typed it or relative to the project. */
  readonly entry: string
  /** The address actually bound (port 0 becomes the real port). */
  readonly host: string
  readonly port: number
  readonly app: Pick<BriskApp, 'operations' | 'routes'>
}

/**
 * The banner text: a title line, the local URL, the docs and OpenAPI URLs when the app serves
 * them, and the route table.
 *
 * @example
 * console.log(banner({ title: 'brisk dev', entry: 'src/app.ts', host: '127.0.0.1', port: 8000, app }))
 */
export function banner(options: BannerOptions): string {
  const base = baseUrl(options.host, options.port)
  const lines = [`${options.title} · ${options.entry}`, `  Local:    ${base}`]
  if (options.host === '0.0.0.0' || options.host === '::')
    lines[1] += '  (listening on every interface)'
  const extra = options.app.routes.filter(
    (route) =>
      route.method === 'GET' && !options.app.operations.some((op) => op.honoPath === route.path),
  )
  const docs = extra.find((route) => /(^|\/)docs$/.test(route.path))
  const spec = extra.find((route) => route.path.endsWith('.json') && /openapi/i.test(route.path))
  if (docs) lines.push(`  Docs:     ${base}${docs.path}`)
  if (spec) lines.push(`  OpenAPI:  ${base}${spec.path}`)
  lines.push('', routeTable(options.app, '  '), '')
  return lines.join('\n')
}

/** `http://host:port`, with the loopback name for a wildcard bind and brackets for IPv6. */
export function baseUrl(host: string, port: number): string {
  const shown = host === '0.0.0.0' ? 'localhost' : host === '::' ? '[::1]' : host
  return `http://${shown.includes(':') && !shown.startsWith('[') ? `[${shown}]` : shown}:${port}`
}

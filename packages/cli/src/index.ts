/**
 * @brisk/cli — the `brisk` command (dev, run, openapi, routes) and the pieces it is made of, for
 * scripts that want the same behaviour: loading an app module, its route table, its document.
 */
export { type BannerOptions, banner, baseUrl } from './banner.ts'
export { CliError, type CliErrorCode } from './cli-error.ts'
export { type DevOptions, dev } from './dev.ts'
export { DEFAULT_ENTRIES, findEntry } from './find-entry.ts'
export { formatDocument } from './format-document.ts'
export { appOf, isBriskApp } from './is-brisk-app.ts'
export { loadApp } from './load-app.ts'
export { type OpenAPIDocumentOptions, openapiDocument } from './openapi-document.ts'
export { type RouteRow, routeRows, routeTable } from './route-table.ts'
export { type RunClusterOptions, runCluster } from './run-cluster.ts'
export { type RunRuntimeOptions, runRuntime } from './run-runtime.ts'
export type { ServeOptions } from './serve-options.ts'

/** Where the built server-process script is, for `fork` and `cluster.setupPrimary`. */
import { fileURLToPath } from 'node:url'

/**
 * The server-process script beside this module (`.js` once built, `.ts` when run from source by
 * a loader that follows `rewriteRelativeImportExtensions`).
 */
export function serverScript(): string {
  const extension = import.meta.url.endsWith('.ts') ? '.ts' : '.js'
  return fileURLToPath(new URL(`./server-process${extension}`, import.meta.url))
}

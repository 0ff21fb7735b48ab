/** Filesystem locations the runners need: the package root and the runtime binaries. */
import { existsSync } from 'node:fs'
import { fileURLToPath } from 'node:url'

export const packageRoot = fileURLToPath(new URL('../../', import.meta.url))

/** Finds `node_modules/.bin/<name>` in this package or the workspace root. */
export function binary(name: string): string {
  const candidates = ['node_modules/.bin/', '../../node_modules/.bin/'].map((dir) =>
    fileURLToPath(new URL(`../../${dir}${name}`, import.meta.url)),
  )
  const found = candidates.find((path) => existsSync(path))
  if (!found) throw new Error(`${name} not found in ${candidates.join(' or ')}; run npm ci`)
  return found
}

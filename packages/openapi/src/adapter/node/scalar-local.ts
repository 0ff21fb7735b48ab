/**
 * The runtime adapter for Node, Bun and Deno: serves Scalar's standalone script from the installed
 * `@scalar/api-reference` package, read once from disk on first use. (On Workers, bundle the file
 * as text and pass `{ kind: 'inline', load: () => text }` instead.)
 */
import { readFile } from 'node:fs/promises'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import type { ScalarSource } from '../../docs-handlers.ts'

export interface LocalScalarOptions {
  /** The script's path on disk (default: `browser/standalone.js` beside the package's main entry). */
  readonly file?: string
}

/**
 * A `ScalarSource` that reads `@scalar/api-reference/dist/browser/standalone.js` lazily, once, and
 * keeps the text. The package does not export that file, so it is found beside the main entry.
 *
 * @example
 * import { localScalar } from '@brisk/openapi/scalar-local'
 * const docs = docsHandlers({ specUrl: '/openapi.json', title: 'Shop API', scalar: localScalar() })
 */
export function localScalar(options: LocalScalarOptions = {}): ScalarSource {
  // A missing package is a setup mistake: say so when the docs are mounted, not on a request.
  const file = options.file ?? installedStandalonePath()
  let text: Promise<string> | undefined
  const load = () => {
    text ??= read(file).catch((error: unknown) => {
      text = undefined
      throw error
    })
    return text
  }
  return { kind: 'inline', load }
}

function installedStandalonePath(): string {
  try {
    return standalonePath()
  } catch (error) {
    throw new Error(
      'localScalar() serves the docs script from @scalar/api-reference, which is not installed: ' +
        'npm install @scalar/api-reference, or leave `scalar` out of docs() to load it from the pinned CDN URL.',
      { cause: error },
    )
  }
}

/** Where the installed package keeps its standalone script. */
export function standalonePath(): string {
  const main = createRequire(import.meta.url).resolve('@scalar/api-reference')
  return join(dirname(main), 'browser', 'standalone.js')
}

async function read(file: string): Promise<string> {
  try {
    return await readFile(file, 'utf8')
  } catch (error) {
    throw new Error(
      `Scalar's standalone script could not be read at ${file}: install @scalar/api-reference ` +
        'next to @brisk/openapi, or pass localScalar({ file }).',
      { cause: error },
    )
  }
}

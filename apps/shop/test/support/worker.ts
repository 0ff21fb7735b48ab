/**
 * The shop's Worker entry bundled by esbuild (as wrangler would: workerd conditions, Scalar as a
 * text module) and run by workerd through Miniflare, with a local D1 database bound as `DB` and
 * the test settings as vars.
 */
import { readFile } from 'node:fs/promises'
import { build, type Plugin } from 'esbuild'
import { Miniflare } from 'miniflare'
import { shopRoot } from '../../src/db/testing/run-script.ts'
import type { StartedShop } from './describe-contract.ts'
import { TEST_SETTINGS } from './settings.ts'

/** The date wrangler.jsonc pins too. */
export const COMPATIBILITY_DATE = '2025-09-01'

/** wrangler.jsonc's Text rule for `standalone.js`: Scalar's script is bundled as a string. */
const textModules: Plugin = {
  name: 'text-modules',
  setup(build) {
    build.onLoad({ filter: /[\\/]standalone\.js$/ }, async ({ path }) => ({
      contents: await readFile(path, 'utf8'),
      loader: 'text',
    }))
  },
}

let bundled: Promise<string> | undefined

/** Bundles `src/worker.ts` into one ES module (workspace packages from their `source`), once. */
export function bundleWorker(): Promise<string> {
  bundled ??= bundle()
  return bundled
}

async function bundle(): Promise<string> {
  const result = await build({
    entryPoints: [`${shopRoot}src/worker.ts`],
    bundle: true,
    write: false,
    format: 'esm',
    platform: 'browser',
    conditions: ['source', 'workerd', 'worker', 'browser'],
    plugins: [textModules],
    logLevel: 'silent',
  })
  const script = result.outputFiles[0]?.text
  if (!script) throw new Error('esbuild produced no worker bundle')
  return script
}

/**
 * Runs the bundle in workerd. `d1Persist` keeps the D1 database in that directory across starts
 * (default: in memory).
 */
export async function startWorker(options: { d1Persist?: string } = {}): Promise<StartedShop> {
  const mf = new Miniflare({
    modules: true,
    script: await bundleWorker(),
    compatibilityDate: COMPATIBILITY_DATE,
    d1Databases: { DB: 'brisk-shop' },
    ...(options.d1Persist ? { d1Persist: options.d1Persist } : {}),
    bindings: { ...TEST_SETTINGS },
  })
  await mf.ready
  return {
    fetch: (request) => {
      const init = {
        method: request.method,
        headers: [...request.headers],
        body: request.body,
        duplex: 'half',
        redirect: 'manual',
        signal: request.signal,
      } as const
      // Miniflare types its fetch with its own undici copy; the runtime objects are interchangeable.
      return mf.dispatchFetch(request.url, init as never) as unknown as Promise<Response>
    },
    stop: () => mf.dispose(),
  }
}

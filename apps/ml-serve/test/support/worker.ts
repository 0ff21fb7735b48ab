/**
 * ml-serve's Worker entry bundled by esbuild (as wrangler would: workerd conditions) and run by
 * workerd through Miniflare, with a local KV namespace for the jobs and a local Queue whose
 * producer and consumer are the Worker itself.
 */
import { fileURLToPath } from 'node:url'
import { build } from 'esbuild'
import { Miniflare } from 'miniflare'
import type { StartedServer } from './describe-contract.ts'
import { TEST_SETTINGS } from './settings.ts'

/** The date wrangler.jsonc pins too. */
export const COMPATIBILITY_DATE = '2025-09-01'

const entry = fileURLToPath(new URL('../../src/worker.ts', import.meta.url))

async function bundle(): Promise<string> {
  const result = await build({
    entryPoints: [entry],
    bundle: true,
    write: false,
    format: 'esm',
    platform: 'browser',
    conditions: ['source', 'workerd', 'worker', 'browser'],
    logLevel: 'silent',
  })
  const script = result.outputFiles[0]?.text
  if (!script) throw new Error('esbuild produced no worker bundle')
  return script
}

/** Runs the bundle in workerd with its bindings (wrangler.jsonc's, locally). */
export async function startWorker(): Promise<StartedServer> {
  const mf = new Miniflare({
    modules: true,
    script: await bundle(),
    compatibilityDate: COMPATIBILITY_DATE,
    bindings: { ...TEST_SETTINGS },
    kvNamespaces: ['JOB_STATE'],
    queueProducers: { JOBS: 'ml-serve-jobs' },
    // One message per batch: a job's message is delivered as soon as it is sent.
    queueConsumers: { 'ml-serve-jobs': { maxBatchSize: 1, maxBatchTimeout: 1 } },
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

/** `config` overridden in-process with the served tests' settings, as numbers. */
import { dependency } from '@brisk/router'
import type { Config } from '../../src/config.ts'
import { TEST_API_KEY } from './settings.ts'

/** The test settings, with any field replaced. */
export function testConfig(changes: Partial<Config> = {}) {
  return dependency(
    { scope: 'app', name: 'config (test)' },
    (): Config => ({
      ML_API_KEY: TEST_API_KEY,
      BATCH_MAX_SIZE: 4,
      BATCH_MAX_WAIT_MS: 2,
      QUEUE_MAX_TEXTS: 512,
      JOB_CONCURRENCY: 1,
      JOB_QUEUE_MAX: 64,
      JOBS_KEPT: 100,
      ...changes,
    }),
  )
}

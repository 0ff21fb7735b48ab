/** The contract in-process on Node (`app.fetch`), with the real model and the test settings. */
import { afterAll, beforeAll } from 'vitest'
import { app } from '../src/app.ts'
import { config } from '../src/config.ts'
import { describeContract } from './support/describe-contract.ts'
import { TEST_API_KEY } from './support/settings.ts'
import { testConfig } from './support/test-config.ts'

beforeAll(() => {
  app.override(config, testConfig())
})
afterAll(() => app.clearOverrides())

describeContract('ml-serve in-process (Node, app.fetch)', {
  apiKey: TEST_API_KEY,
  start: async () => {
    await app.startup()
    return { fetch: async (request) => app.fetch(request), stop: () => app.shutdown() }
  },
})

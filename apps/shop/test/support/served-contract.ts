/** The contract against the shop served by Node, Bun or Deno over real HTTP, on a temp file. */

import { fetchOverHttp } from '../../../../packages/conformance/test/support/fetch-over-http.ts'
import { describeContract } from './describe-contract.ts'
import { type ServedRuntime, startShop } from './servers.ts'
import { TEST_SETTINGS, tempDatabase } from './settings.ts'

/** Registers the contract's cases for the shop served by `runtime`. */
export function describeServedContract(runtime: ServedRuntime, title: string): void {
  const database = tempDatabase()
  describeContract(title, {
    adminKey: TEST_SETTINGS.ADMIN_API_KEY,
    start: async () => {
      const server = await startShop(runtime, database)
      return { fetch: fetchOverHttp(server.baseUrl), stop: () => server.stop() }
    },
  })
}

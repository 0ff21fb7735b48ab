/** A Worker that runs the repository scenario on its D1 binding and answers with the report. */
import type { D1Database } from '@cloudflare/workers-types'
import { d1Dialect } from '../d1.ts'
import { runScenario } from './scenario.ts'

export default {
  async fetch(_request: Request, env: { DB: D1Database }): Promise<Response> {
    try {
      return Response.json(await runScenario(d1Dialect(env.DB), { readPragmas: false }))
    } catch (error) {
      const { stack, cause } = error as Error
      return new Response(`${stack}\ncause: ${String(cause)}`, { status: 500 })
    }
  },
}

/** Hono on Node: the HTTP app of `hono-app.ts` served by `@hono/node-server`, as Hono's Node docs show. */
import { serve } from '@hono/node-server'
import { createHonoHttpApp } from './hono-app.ts'

export { createHonoHttpApp }

export function listen(port: number, hostname: string): Promise<void> {
  return new Promise((resolve) => {
    serve({ fetch: createHonoHttpApp().fetch, port, hostname }, () => resolve())
  })
}

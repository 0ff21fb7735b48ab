/**
 * Brisk on Node: the HTTP app of `brisk-app.ts` served by `@brisk/router/node`.
 */
import { serve } from '@brisk/router/node'
import { createBriskHttpApp } from './brisk-app.ts'

export { createBriskHttpApp }

export async function listen(port: number, hostname: string): Promise<void> {
  // The bench's server entry handles signals itself.
  await serve(createBriskHttpApp(), { port, hostname, signals: [] })
}

/**
 * The HTTP peers on Bun and Deno: Brisk, by hand and Hono on both (each one's `fetch` under
 * `Bun.serve` / `Deno.serve`, as Hono's docs show for each runtime), Elysia on Bun (its own
 * `listen`, which is `Bun.serve`). The apps are the Node layer's (`peers/*-app.ts`) and the
 * web-standard by-hand handler (`peers/by-hand-web.ts`); `serve-web.ts` starts them.
 */
import type { Peer, ScenarioId } from '../peers/index.ts'

/** A runtime the HTTP layer serves from. */
export type HttpRuntime = 'node' | 'bun' | 'deno'

/** What the HTTP runner needs of a peer; `load` is Node's (`serve.ts`) only, `setup` optional. */
export type HttpPeer = Pick<Peer, 'id' | 'label' | 'scenarios' | 'kind' | 'setup'>

const all: ScenarioId[] = ['S1', 'S2', 'S3', 'S4', 'S6']

const brisk: HttpPeer = { id: 'brisk', label: 'Brisk', scenarios: all, kind: 'brisk' }
// S1 (`GET /` → `ok`) carries no target and on these runtimes mostly measures the load generator
// (~100k req/s for every peer), so the by-hand reference skips it to save time.
const byHand: HttpPeer = {
  id: 'by-hand',
  label: 'by hand',
  scenarios: ['S2', 'S3', 'S4', 'S6'],
  kind: 'by-hand',
}
const hono: HttpPeer = { id: 'hono', label: 'Hono', scenarios: all, kind: 'peer' }
const elysia: HttpPeer = { id: 'elysia', label: 'Elysia', scenarios: all, kind: 'peer' }

/** Peers served on each non-Node runtime, in table order. */
export const webPeers: Readonly<Record<'bun' | 'deno', readonly HttpPeer[]>> = {
  bun: [brisk, byHand, hono, elysia],
  deno: [brisk, byHand, hono],
}

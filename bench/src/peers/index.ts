/**
 * The HTTP peers: who implements which scenario, and how to load each one. Loading is lazy so a
 * server process imports only its own framework.
 */

/** The HTTP scenarios of issue 6 (S5 is in-process only), and the shop's database ones (S7, S8). */
export type ScenarioId = 'S1' | 'S2' | 'S3' | 'S4' | 'S6' | 'S7' | 'S8'

/** What every peer module exports: start listening, resolve once accepting connections. */
export interface PeerServer {
  listen(port: number, hostname: string): Promise<void>
}

/** What a peer's server process is given, prepared by the runner before it starts. */
export interface PeerSetup {
  /** Environment variables of the server process. */
  env: Readonly<Record<string, string>>
  /** A line for the report once the run is over (e.g. the rows a database ended with). */
  describe?: () => string
  /** Removes what the setup made; run after the server has stopped. */
  cleanup: () => Promise<void>
}

export interface Peer {
  /** Command-line name, used by `http/serve.ts`. */
  id: string
  /** Table column. */
  label: string
  scenarios: readonly ScenarioId[]
  /** The by-hand server is the 0.8× reference, not a peer to beat. */
  kind: 'brisk' | 'peer' | 'by-hand'
  load: () => Promise<PeerServer>
  /** Run by the runner before the server starts (S7/S8: a seeded database file of its own). */
  setup?: () => Promise<PeerSetup>
}

const all: ScenarioId[] = ['S1', 'S2', 'S3', 'S4', 'S6']
const noJwt: ScenarioId[] = ['S1', 'S2', 'S3', 'S6']
const database: ScenarioId[] = ['S7', 'S8']
const shopDatabase = (id: string) => async () =>
  (await import('../shop/files.ts')).shopDatabaseFor(id)

/** Every peer, in table order. */
export const peers: readonly Peer[] = [
  {
    id: 'brisk',
    label: 'Brisk',
    scenarios: all,
    kind: 'brisk',
    load: () => import('./brisk.ts'),
  },
  {
    id: 'by-hand',
    label: 'by hand',
    scenarios: all,
    kind: 'by-hand',
    load: () => import('./by-hand.ts'),
  },
  { id: 'hono', label: 'Hono', scenarios: all, kind: 'peer', load: () => import('./hono.ts') },
  {
    id: 'hono-openapi',
    label: 'hono-openapi',
    scenarios: noJwt,
    kind: 'peer',
    load: () => import('./hono-openapi.ts'),
  },
  {
    id: 'zod-openapi',
    label: '@hono/zod-openapi',
    scenarios: noJwt,
    kind: 'peer',
    load: () => import('./zod-openapi.ts'),
  },
  {
    id: 'fastify',
    label: 'Fastify',
    scenarios: all,
    kind: 'peer',
    load: () => import('./fastify.ts'),
  },
  {
    id: 'express',
    label: 'Express + zod',
    scenarios: noJwt,
    kind: 'peer',
    load: () => import('./express.ts'),
  },
  {
    id: 'elysia-node',
    label: 'Elysia (Node)',
    scenarios: all,
    kind: 'peer',
    load: () => import('./elysia-node.ts'),
  },
  // S7/S8 need a database: the shop app against Fastify doing the same work, same labels as above.
  {
    id: 'brisk-shop',
    label: 'Brisk',
    scenarios: database,
    kind: 'brisk',
    load: () => import('./brisk-shop.ts'),
    setup: shopDatabase('brisk-shop'),
  },
  {
    id: 'fastify-shop',
    label: 'Fastify',
    scenarios: database,
    kind: 'peer',
    load: () => import('./fastify-shop.ts'),
    setup: shopDatabase('fastify-shop'),
  },
]

/** The peer with this id, or an error listing the valid ones. */
export function peerById(id: string): Peer {
  const peer = peers.find((candidate) => candidate.id === id)
  if (!peer) throw new Error(`unknown peer '${id}': ${peers.map((p) => p.id).join(' | ')}`)
  return peer
}

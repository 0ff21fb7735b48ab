/**
 * The HTTP peers: who implements which scenario, and how to load each one. Loading is lazy so a
 * server process imports only its own framework.
 */

/** The HTTP scenarios of issue 6 (S5 is in-process only). */
export type ScenarioId = 'S1' | 'S2' | 'S3' | 'S4' | 'S6'

/** What every peer module exports: start listening, resolve once accepting connections. */
export interface PeerServer {
  listen(port: number, hostname: string): Promise<void>
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
}

const all: ScenarioId[] = ['S1', 'S2', 'S3', 'S4', 'S6']
const noJwt: ScenarioId[] = ['S1', 'S2', 'S3', 'S6']

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
]

/** The peer with this id, or an error listing the valid ones. */
export function peerById(id: string): Peer {
  const peer = peers.find((candidate) => candidate.id === id)
  if (!peer) throw new Error(`unknown peer '${id}': ${peers.map((p) => p.id).join(' | ')}`)
  return peer
}

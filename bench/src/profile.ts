/**
 * A plain loop over one app and route for the profiler:
 * `node --cpu-prof --cpu-prof-dir=reports dist/profile.js brisk items 100000`
 * then `node dist/profile-summary.js reports/<file>.cpuprofile`.
 * Apps: brisk | hono | by-hand (routes items | users | me, S4's JWT); di | inline (S5, `GET /me`;
 * the route is ignored).
 */
import { createBriskApp } from './apps/brisk.ts'
import { createDiChainApp } from './apps/brisk-di-chain.ts'
import { createInlineChainApp } from './apps/brisk-inline-chain.ts'
import { createHonoApp } from './apps/hono.ts'
import type { Target } from './contract.ts'
import { getMe, getMeJwt, getUser, postItem } from './fixtures.ts'
import { byHandFetch } from './peers/by-hand-web.ts'

const [app = 'brisk', route = 'items', count = '100000'] = process.argv.slice(2)
const factories: Record<string, () => Target> = {
  brisk: createBriskApp,
  hono: createHonoApp,
  'by-hand': () => ({ fetch: byHandFetch }),
  di: createDiChainApp,
  inline: createInlineChainApp,
}
const create = factories[app]
if (!create) throw new Error(`unknown app '${app}': brisk | hono | by-hand | di | inline`)
const target = create()
const chain = app === 'di' || app === 'inline'
const routes = { users: getUser, items: postItem, me: getMeJwt }
const test = chain ? getMe : (routes[route as keyof typeof routes] ?? postItem)
const iterations = Number(count)

const started = performance.now()
for (let i = 0; i < iterations; i++) {
  const response = await target.fetch(test.good())
  await response.text()
}
const ns = ((performance.now() - started) * 1e6) / iterations
console.log(`${app} ${test.name}: ${iterations} requests, ${Math.round(ns)} ns/req`)

/**
 * A plain loop over one app and route for the profiler:
 * `node --cpu-prof --cpu-prof-dir=reports dist/profile.js brisk items 100000`
 * then `node dist/profile-summary.js reports/<file>.cpuprofile`.
 * Apps: brisk | hono (routes items | users); di | inline (S5, `GET /me`; the route is ignored).
 */
import { createBriskApp } from './apps/brisk.ts'
import { createDiChainApp } from './apps/brisk-di-chain.ts'
import { createInlineChainApp } from './apps/brisk-inline-chain.ts'
import { createHonoApp } from './apps/hono.ts'
import type { Target } from './contract.ts'
import { getMe, getUser, postItem } from './fixtures.ts'

const [app = 'brisk', route = 'items', count = '100000'] = process.argv.slice(2)
const factories: Record<string, () => Target> = {
  brisk: createBriskApp,
  hono: createHonoApp,
  di: createDiChainApp,
  inline: createInlineChainApp,
}
const create = factories[app]
if (!create) throw new Error(`unknown app '${app}': brisk | hono | di | inline`)
const target = create()
const chain = app === 'di' || app === 'inline'
const test = chain ? getMe : route === 'users' ? getUser : postItem
const iterations = Number(count)

const started = performance.now()
for (let i = 0; i < iterations; i++) {
  const response = await target.fetch(test.good())
  await response.text()
}
const ns = ((performance.now() - started) * 1e6) / iterations
console.log(`${app} ${test.name}: ${iterations} requests, ${Math.round(ns)} ns/req`)

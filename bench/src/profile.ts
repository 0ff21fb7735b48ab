/**
 * A plain loop over one app and route for the profiler:
 * `node --cpu-prof --cpu-prof-dir=reports dist/profile.js brisk items 100000`
 * then `node dist/profile-summary.js reports/<file>.cpuprofile`.
 */
import { createBriskApp } from './apps/brisk.ts'
import { createHonoApp } from './apps/hono.ts'
import { getUser, postItem } from './fixtures.ts'

const [app = 'brisk', route = 'items', count = '100000'] = process.argv.slice(2)
const target = app === 'hono' ? createHonoApp() : createBriskApp()
const test = route === 'users' ? getUser : postItem
const iterations = Number(count)

const started = performance.now()
for (let i = 0; i < iterations; i++) {
  const response = await target.fetch(test.good())
  await response.text()
}
const ns = ((performance.now() - started) * 1e6) / iterations
console.log(`${app} ${test.name}: ${iterations} requests, ${Math.round(ns)} ns/req`)

/**
 * Profiles one peer's server under load: `node dist/http/profile-server.js brisk S3 10` (S7/S8:
 * `brisk-shop` or `fastify-shop`, on a freshly seeded database) starts the
 * server with `--cpu-prof` on CPU 0, loads it from CPU 1 for the given seconds, stops it (the
 * profile is written on exit) and prints `profile-summary`'s breakdown.
 */
import { spawnSync } from 'node:child_process'
import { mkdir, readdir } from 'node:fs/promises'
import { peerById } from '../peers/index.ts'
import { httpCases } from './cases.ts'
import { startLoadGenerator } from './load-process.ts'
import { startServer } from './server-process.ts'

const [id = 'brisk', scenario = 'S3', secondsText = '10', top = '25'] = process.argv.slice(2)
const peer = peerById(id)
const test = httpCases.find((candidate) => candidate.scenario === scenario)
if (!test)
  throw new Error(`unknown scenario '${scenario}': ${httpCases.map((c) => c.scenario).join(' | ')}`)
const directory = new URL('../../reports/http/', import.meta.url).pathname
await mkdir(directory, { recursive: true })
const before = new Set(await readdir(directory))

const nodeArgs = ['--cpu-prof', '--cpu-prof-interval', '100', `--cpu-prof-dir=${directory}`]
const setup = await peer.setup?.()
const server = await startServer(peer.id, { nodeArgs, env: setup?.env ?? {} })
const generator = startLoadGenerator(1)
try {
  const job = {
    url: server.origin,
    request: test.request,
    connections: 32,
    seconds: Number(secondsText),
  }
  await generator.run({ ...job, seconds: 2 }) // warm-up, also profiled: V8 settles early
  const result = await generator.run(job)
  console.log(`${peer.label} ${scenario}: ${Math.round(result.rps)} req/s, p99 ${result.p99_ms} ms`)
} finally {
  await generator.stop()
  await server.stop()
  await setup?.cleanup()
}
const written = (await readdir(directory)).filter(
  (name) => !before.has(name) && name.endsWith('.cpuprofile'),
)
for (const name of written) {
  console.log(`\n${directory}${name}`)
  const summary = new URL('../profile-summary.js', import.meta.url).pathname
  spawnSync(process.execPath, [summary, `${directory}${name}`, top], { stdio: 'inherit' })
}

/**
 * `npm create brisk` end to end, as a user would: generate each template into a temp folder,
 * install it from the packed Brisk tarballs (third-party packages from npm's cache), check there is
 * one copy of hono and valibot, type-check, run the project's own tests, and start it.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { copiesOf, packBrisk, useTarballs } from './support/packed-brisk.ts'
import { runToEnd, type Started, start } from './support/run-command.ts'

const createBin = fileURLToPath(new URL('../dist/bin.js', import.meta.url))
let tarballs: Map<string, string>
let work: string
const started: Started[] = []

beforeAll(async () => {
  tarballs = await packBrisk()
  work = mkdtempSync(join(tmpdir(), 'brisk-create-'))
})
afterAll(() => {
  for (const each of started) if (each.child.exitCode === null) each.child.kill('SIGKILL')
  rmSync(work, { recursive: true, force: true })
  for (const tarball of tarballs?.values() ?? []) rmSync(tarball, { force: true })
})

function launch(command: string, args: readonly string[], cwd: string) {
  const each = start(command, args, cwd)
  started.push(each)
  return each
}

/** Generates a project and installs it from the tarballs; returns its folder. */
async function generate(runtime: string, install: string[], drop: string[] = []) {
  await runToEnd(process.execPath, [createBin, `api-${runtime}`, '--runtime', runtime], work)
  const project = join(work, `api-${runtime}`)
  useTarballs(project, tarballs, drop)
  await runToEnd(
    'npm',
    ['install', '--prefer-offline', '--no-audit', '--no-fund', ...install],
    project,
  )
  expect(copiesOf(project, 'hono')).toHaveLength(1)
  expect(copiesOf(project, 'valibot')).toHaveLength(1)
  return project
}

const bin = (project: string, name: string) => join(project, 'node_modules', '.bin', name)
const url = async (server: Started, from = 0) =>
  (await server.waitFor(/Local:\s+(http:\/\/\S+)/, from))[1]!

describe('npm create brisk', () => {
  it('node: installs, type-checks, passes its tests, reloads under brisk dev, and serves with 2 workers', async () => {
    const began = performance.now()
    const project = await generate('node', [])
    const dev = launch(bin(project, 'brisk'), ['dev', '--port', '0'], project)
    const devUrl = await url(dev)
    const toRunning = performance.now() - began
    console.log(`create → install → brisk dev listening: ${Math.round(toRunning)} ms`)
    expect(await (await fetch(devUrl)).json()).toEqual({ message: 'Hello from api-node' })

    const app = join(project, 'src', 'app.ts')
    const mark = dev.output().length
    writeFileSync(app, readFileSync(app, 'utf8').replace('Hello from', 'Hi from'))
    const reloaded = await url(dev, mark)
    expect(await (await fetch(reloaded)).json()).toEqual({ message: 'Hi from api-node' })
    dev.child.kill('SIGTERM')
    expect(await dev.exited).toBe(0)
    writeFileSync(app, readFileSync(app, 'utf8').replace('Hi from', 'Hello from'))

    await runToEnd(bin(project, 'tsc'), [], project)
    expect(await runToEnd(bin(project, 'vitest'), ['run'], project)).toMatch(/4 passed/)

    const server = launch(
      bin(project, 'brisk'),
      ['run', '--workers', '2', '--host', '127.0.0.1', '--port', '0'],
      project,
    )
    const runUrl = await url(server)
    await server.waitFor(/2 worker\(s\) ready/)
    expect(await (await fetch(`${runUrl}/items/1`)).json()).toEqual({
      id: 1,
      name: 'lamp',
      price: 12.5,
    })
    expect((await fetch(`${runUrl}/docs`)).status).toBe(200)
    server.child.kill('SIGTERM')
    expect(await server.exited).toBe(0)
  })

  for (const runtime of ['bun', 'deno'] as const) {
    it(`${runtime}: passes its tests on ${runtime} and serves with brisk run --runtime ${runtime}`, async () => {
      // Bun's tests need no dev dependency (its types are for editors): a production install.
      const project = await generate(runtime, runtime === 'bun' ? ['--omit=dev'] : [])
      const test = runtime === 'bun' ? ['test'] : ['test', '-A']
      expect(await runToEnd(runtime, test, project)).toMatch(/4 pass|ok \| 4 passed/)
      const server = launch(
        bin(project, 'brisk'),
        ['run', '--runtime', runtime, '--host', '127.0.0.1', '--port', '0'],
        project,
      )
      const served = await url(server)
      expect(await (await fetch(served)).json()).toEqual({ message: `Hello from api-${runtime}` })
      server.child.kill('SIGTERM')
      expect(await server.exited).toBe(0)
    })
  }

  it('workers: type-checks and passes its Miniflare test (wrangler left out: not in the offline cache)', async () => {
    const project = await generate('workers', [], ['wrangler'])
    expect(readFileSync(join(project, 'wrangler.jsonc'), 'utf8')).toContain(
      '"main": "src/worker.ts"',
    )
    await runToEnd(bin(project, 'tsc'), [], project)
    expect(await runToEnd(bin(project, 'vitest'), ['run'], project)).toMatch(/6 passed/)
  })
})

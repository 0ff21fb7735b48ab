import { get } from 'node:http'
import { createServer, type Server } from 'node:net'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type CliProcess, listeningUrl, startCli } from './support/cli-process.ts'
import { copyFixture } from './support/fixture-copy.ts'

let copy: ReturnType<typeof copyFixture>
const started: CliProcess[] = []
beforeAll(() => {
  copy = copyFixture()
})
afterAll(() => {
  for (const cli of started) if (cli.child.exitCode === null) cli.child.kill('SIGKILL')
  copy.remove()
})

function run(args: readonly string[]) {
  const cli = startCli(['run', '--host', '127.0.0.1', '--port', '0', ...args], copy.dir)
  started.push(cli)
  return cli
}

/** The answering worker's pid, over a new connection each time (the cluster balances connections). */
function pidOf(url: string): Promise<number> {
  return new Promise((resolve, reject) => {
    get(`${url}/pid`, { agent: false }, (response) => {
      let body = ''
      response.on('data', (chunk) => {
        body += chunk
      })
      response.on('end', () => resolve((JSON.parse(body) as { pid: number }).pid))
    }).on('error', reject)
  })
}

describe('brisk run', () => {
  it('serves from 2 workers, replaces one that dies, and drains both on SIGTERM', async () => {
    const cli = run(['--workers', '2'])
    const url = await listeningUrl(cli)
    const [, first, second] = await cli.waitFor(/2 worker\(s\) ready \(pids (\d+), (\d+)\)/)
    const pids = new Set<number>()
    for (let index = 0; index < 4; index++) pids.add(await pidOf(url))
    // Round-robin: both workers answer.
    expect(pids).toEqual(new Set([Number(first), Number(second)]))

    let mark = cli.output().length
    process.kill(Number(first), 'SIGKILL')
    await cli.waitFor(
      new RegExp(`worker ${first} died \\(signal SIGKILL\\); starting a new one`),
      mark,
    )
    const [, replacement] = await cli.waitFor(/worker (\d+) ready/, mark)
    const now = new Set<number>()
    for (let index = 0; index < 4; index++) now.add(await pidOf(url))
    expect(now).toEqual(new Set([Number(second), Number(replacement)]))

    mark = cli.output().length
    const slow = fetch(`${url}/slow`)
    await cli.waitFor(/slow started \d+/, mark)
    cli.child.kill('SIGTERM')
    const response = await slow
    expect(response.status).toBe(200)
    expect(await response.json()).toEqual({ slow: true })
    expect(await cli.exited).toBe(0)
    const teardowns = [
      ...cli
        .output()
        .slice(mark)
        .matchAll(/teardown (\d+)/g),
    ].map((m) => Number(m[1]))
    expect(teardowns.sort()).toEqual([Number(second), Number(replacement)].sort())
    expect(cli.output().slice(mark)).toMatch(/GET \/slow 200 /)
  })

  it('exits 1 with one line naming the port when it is taken', async () => {
    const server: Server = createServer()
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
    const port = (server.address() as { port: number }).port
    try {
      const cli = startCli(['run', '--host', '127.0.0.1', '--port', String(port)], copy.dir)
      started.push(cli)
      expect(await cli.exited).toBe(1)
      expect(cli.output()).toContain(
        `brisk: Port ${port} is already in use on 127.0.0.1: stop the other server or pick another with --port.`,
      )
      expect(cli.output()).toMatch(/could not start \(exit code 1\); stopping/)
    } finally {
      server.close()
    }
  })

  for (const runtime of ['bun', 'deno'] as const) {
    it(`runs the same module on ${runtime}, logs requests, and shuts the app down on SIGTERM`, async () => {
      const cli = run(['--runtime', runtime])
      const url = await listeningUrl(cli)
      expect(cli.output()).toContain(`brisk run (${runtime}) · src/app.ts`)
      const response = await fetch(`${url}/items/3`)
      expect(await response.json()).toEqual({ id: 3 })
      await cli.waitFor(/GET \/items\/3 200 \d+(\.\d)?ms id=[0-9a-f-]{36}/)
      const bad = await fetch(`${url}/items/x`)
      expect(bad.status).toBe(422)
      const mark = cli.output().length
      cli.child.kill('SIGTERM')
      expect(await cli.exited).toBe(0)
      expect(cli.output().slice(mark)).toMatch(/teardown \d+/)
    })
  }
})

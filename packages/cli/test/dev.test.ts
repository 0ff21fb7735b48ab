import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type CliProcess, listeningUrl, startCli } from './support/cli-process.ts'
import { copyFixture } from './support/fixture-copy.ts'

let copy: ReturnType<typeof copyFixture>
let cli: CliProcess | undefined
beforeAll(() => {
  copy = copyFixture()
})
afterAll(() => {
  if (cli?.child.exitCode === null) cli.child.kill('SIGKILL')
  copy.remove()
})

describe('brisk dev', () => {
  it('serves with a banner and a request log, reloads an edited file, waits out a syntax error, and stops on SIGTERM', async () => {
    const greeting = join(copy.dir, 'src', 'greeting.ts')
    cli = startCli(['dev', '--port', '0'], copy.dir)
    const url = await listeningUrl(cli)
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/)
    expect(cli.output()).toContain('brisk dev · src/app.ts')
    expect(cli.output()).toContain(`Docs:     ${url}/docs`)
    expect(cli.output()).toContain(`OpenAPI:  ${url}/openapi.json`)
    expect(cli.output()).toMatch(/GET\s+\/items\/\{id\}\s+get_items_id\s+public/)

    const item = await fetch(`${url}/items/7`, { headers: { 'x-request-id': 'dev-1' } })
    expect(await item.json()).toEqual({ id: 7 })
    expect(item.headers.get('x-request-id')).toBe('dev-1')
    await cli.waitFor(/GET \/items\/7 200 \d+(\.\d)?ms id=dev-1/)

    let mark = cli.output().length
    writeFileSync(greeting, "export const greeting = 'reloaded'\n")
    await cli.waitFor(/src\/greeting\.ts changed; restarting/, mark)
    const reloaded = await listeningUrl(cli, mark)
    expect(await (await fetch(reloaded)).json()).toEqual({ greeting: 'reloaded' })

    mark = cli.output().length
    writeFileSync(greeting, "export const greeting = = 'broken'\n")
    await cli.waitFor(/Could not load src\/app\.ts:\s+[\s\S]*greeting\.ts:1:\d+: ERROR/, mark)
    await cli.waitFor(/the app stopped \(exit code 1\); waiting for a file change to restart/, mark)
    expect(cli.child.exitCode).toBe(null)

    mark = cli.output().length
    writeFileSync(greeting, "export const greeting = 'fixed'\n")
    const fixed = await listeningUrl(cli, mark)
    expect(await (await fetch(fixed)).json()).toEqual({ greeting: 'fixed' })

    mark = cli.output().length
    cli.child.kill('SIGTERM')
    expect(await cli.exited).toBe(0)
    expect(cli.output().slice(mark)).toMatch(/teardown \d+/)
  })
})

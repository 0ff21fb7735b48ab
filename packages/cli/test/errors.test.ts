import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startCli } from './support/cli-process.ts'
import { copyFixture } from './support/fixture-copy.ts'

let copy: ReturnType<typeof copyFixture>
beforeAll(() => {
  copy = copyFixture()
})
afterAll(() => copy.remove())

async function brisk(args: string[], cwd = copy.dir) {
  const cli = startCli(args, cwd)
  const code = await cli.exited
  return { code, output: cli.output() }
}

describe('errors a person can act on', () => {
  it('names an entry that does not exist', async () => {
    expect(await brisk(['routes', 'src/missing.ts'])).toEqual({
      code: 1,
      output: 'brisk: Entry not found: src/missing.ts.\n',
    })
  })

  it('lists the default entries looked for in a folder without one', async () => {
    const empty = mkdtempSync(join(tmpdir(), 'brisk-empty-'))
    try {
      const { code, output } = await brisk(['dev'], empty)
      expect(code).toBe(1)
      expect(output).toBe(
        `brisk: No app module found: looked for src/app.ts, app.ts, src/app.js, app.js in ${empty}. Pass the file, e.g. \`brisk dev src/main.ts\`.\n`,
      )
    } finally {
      rmSync(empty, { recursive: true, force: true })
    }
  })

  it('says what a module exports when it is not an app, in run as in routes', async () => {
    const message =
      'brisk: src/not-an-app.ts does not export a Brisk app: expected `export default app` or ' +
      '`export const app` holding createApp({ routes }) from @brisk/router (it exports answer).'
    const routes = await brisk(['routes', 'src/not-an-app.ts'])
    expect(routes).toEqual({ code: 1, output: `${message}\n` })
    const run = await brisk(['run', 'src/not-an-app.ts', '--port', '0'])
    expect(run.code).toBe(1)
    expect(run.output).toContain(message)
  })

  it('refuses bad option values and unknown commands with exit code 2', async () => {
    expect(await brisk(['run', '--port', 'abc'])).toEqual({
      code: 2,
      output: 'brisk: --port must be a whole number from 0 to 65535 (got abc).\n',
    })
    expect((await brisk(['run', '--workers', '0'])).output).toBe(
      'brisk: --workers must be a whole number of at least 1 (got 0).\n',
    )
    expect((await brisk(['run', '--runtime', 'java'])).output).toBe(
      'brisk: --runtime must be one of node, bun, deno (got java).\n',
    )
    expect((await brisk(['run', '--runtime', 'bun', '--workers', '2'])).code).toBe(2)
    expect(await brisk(['serve'])).toEqual({
      code: 2,
      output: 'brisk: Unknown command `serve`: run `brisk --help`.\n',
    })
    expect(await brisk(['dev', '--bogus'])).toEqual({
      code: 2,
      output: 'brisk: Unknown option `--bogus`: run `brisk dev --help`.\n',
    })
  })

  it('has --help for every command', async () => {
    for (const command of ['dev', 'run', 'openapi', 'routes']) {
      const { code, output } = await brisk([command, '--help'])
      expect(code).toBe(0)
      expect(output).toContain(`$ brisk ${command} [entry]`)
    }
    expect((await brisk(['run', '--help'])).output).toMatch(/--workers <n>/)
  })
})

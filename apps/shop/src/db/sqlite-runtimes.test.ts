/**
 * The Bun and Deno drivers, each run in its own runtime (the repo's bun and deno binaries) on the
 * repository scenario, which must report what it reports on Node.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { sqliteNodeDialect } from './sqlite-node.ts'
import { expectedScenario, filePragmas } from './testing/expected-scenario.ts'
import { binary, runJsonScript } from './testing/run-script.ts'
import { runScenario } from './testing/scenario.ts'

const dir = mkdtempSync(join(tmpdir(), 'shop-runtimes-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

const runtimes = {
  node: (path: string) => runScenario(sqliteNodeDialect(path)),
  bun: (path: string) =>
    runJsonScript(binary('bun'), ['--conditions=source', 'src/db/testing/bun-scenario.ts', path]),
  deno: (path: string) =>
    runJsonScript(
      binary('deno'),
      ['run', '-A', '--conditions=source', 'src/db/testing/deno-scenario.ts', path],
      { DENO_NO_UPDATE_CHECK: '1', DENO_NO_PROMPT: '1' },
    ),
}

describe.each(Object.entries(runtimes))('the %s driver', (runtime, scenario) => {
  it('runs the repository on a file database (directory created, WAL, foreign keys)', async () => {
    const path = join(dir, runtime, 'data', 'shop.db')
    const report = await scenario(path)
    expect(report).toEqual({ ...expectedScenario, pragmas: filePragmas })
    expect(existsSync(path)).toBe(true)
  })

  it('runs the repository in memory', async () => {
    const report = await scenario(':memory:')
    expect(report).toEqual({ ...expectedScenario, pragmas: { journal: 'memory', fk: 1 } })
  })
})

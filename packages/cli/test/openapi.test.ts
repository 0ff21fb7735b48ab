import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { Validator } from '@seriousme/openapi-schema-validator'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { parse } from 'yaml'
import { startCli } from './support/cli-process.ts'
import { copyFixture } from './support/fixture-copy.ts'

let copy: ReturnType<typeof copyFixture>
beforeAll(() => {
  copy = copyFixture()
})
afterAll(() => copy.remove())

async function brisk(...args: string[]) {
  const cli = startCli(args, copy.dir)
  const code = await cli.exited
  return { code, output: cli.output(), stdout: cli.stdout() }
}

async function expectValid(document: unknown) {
  const result = await new Validator().validate(document as Parameters<Validator['validate']>[0])
  expect(result.errors ?? []).toEqual([])
  expect(result.valid).toBe(true)
}

describe('brisk openapi', () => {
  it('writes the document the app serves as JSON, valid OpenAPI 3.1, without starting a server', async () => {
    const { code, output } = await brisk('openapi', '-o', 'openapi.json')
    expect(code).toBe(0)
    expect(output).toContain('[brisk] wrote openapi.json (4 paths)')
    expect(output).not.toContain('Local:')
    const document = JSON.parse(readFileSync(join(copy.dir, 'openapi.json'), 'utf8'))
    expect(document.info).toEqual({ title: 'Fixture', version: '1.2.3' })
    expect(Object.keys(document.paths)).toEqual(['/', '/items/{id}', '/pid', '/slow'])
    await expectValid(document)
  })

  it('writes YAML for a .yaml file, the same document as stdout JSON', async () => {
    const yaml = await brisk('openapi', 'src/app.ts', '--output', 'openapi.yaml')
    expect(yaml.code).toBe(0)
    const stdout = await brisk('openapi')
    expect(stdout.code).toBe(0)
    expect(parse(readFileSync(join(copy.dir, 'openapi.yaml'), 'utf8'))).toEqual(
      JSON.parse(stdout.stdout),
    )
  })

  it("generates the document of an app that mounts none, named after package.json, keeping the app's logs off stdout", async () => {
    const { code, output, stdout } = await brisk('openapi', 'src/plain.ts')
    expect(code).toBe(0)
    expect(output).toContain('plain.ts loaded')
    const document = JSON.parse(stdout)
    expect(document.info).toEqual({ title: 'cli-fixture', version: '1.2.3' })
    expect(Object.keys(document.paths)).toEqual(['/ping'])
    await expectValid(document)
  })

  it('says when the path given serves no document', async () => {
    const { code, output } = await brisk('openapi', '--path', '/nope.json')
    expect(code).toBe(1)
    expect(output).toContain(
      'brisk: GET /nope.json answered 404 (application/json), not an OpenAPI document. Pass the right path with --path.',
    )
  })
})

describe('brisk routes', () => {
  it('prints the route table', async () => {
    const { code, output } = await brisk('routes')
    expect(code).toBe(0)
    expect(output.split('\n')[0]).toMatch(/^METHOD\s+PATH\s+OPERATION\s+SECURITY\s+TAGS$/)
    expect(output).toMatch(/^GET\s+\/\s+get_root\s+public\s+misc$/m)
  })

  it('prints rows as JSON', async () => {
    const { code, stdout } = await brisk('routes', 'src/plain.ts', '--json')
    expect(code).toBe(0)
    expect(JSON.parse(stdout)).toEqual([
      {
        method: 'GET',
        path: '/ping',
        operationId: 'get_ping',
        security: 'public',
        tags: ['health'],
      },
    ])
  })
})

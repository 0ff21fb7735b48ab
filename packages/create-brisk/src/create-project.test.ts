import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { createProject } from './create-project.ts'
import { checkProjectName } from './project-name.ts'

const made: string[] = []
const folder = () => {
  const dir = mkdtempSync(join(tmpdir(), 'create-brisk-unit-'))
  made.push(dir)
  return dir
}
afterEach(() => {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true })
})

const COMMON = [
  '.env.example',
  '.gitignore',
  'README.md',
  'package.json',
  'src/app.test.ts',
  'src/app.ts',
  'src/store.ts',
]

describe('createProject', () => {
  it.each([
    ['node', [...COMMON, '.dockerignore', 'Dockerfile', 'tsconfig.json']],
    ['bun', [...COMMON, 'tsconfig.json']],
    ['deno', [...COMMON, 'deno.json', 'src/main.ts']],
    [
      'workers',
      [...COMMON, 'src/worker.ts', 'test/worker.test.ts', 'tsconfig.json', 'wrangler.jsonc'],
    ],
  ] as const)('writes the %s template', (runtime, files) => {
    const dir = join(folder(), 'my-api')
    expect(createProject({ dir, runtime, brisk: '^9.9.9' })).toEqual([...files].sort())
    const manifest = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'))
    expect(manifest.name).toBe('my-api')
    expect(manifest.dependencies['@brisk/router']).toBe('^9.9.9')
    const app = readFileSync(join(dir, 'src/app.ts'), 'utf8')
    expect(app).toContain("'my-api'")
    expect(app).not.toContain('{{')
  })

  it('writes brisk dev and brisk run scripts for Node, and the Docker CMD runs brisk run', () => {
    const dir = join(folder(), 'api')
    createProject({ dir, runtime: 'node' })
    const manifest = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'))
    expect(manifest.scripts).toMatchObject({ dev: 'brisk dev', start: 'brisk run --workers 2' })
    expect(manifest.dependencies['@brisk/cli']).toBe('^0.1.0')
    expect(readFileSync(join(dir, 'Dockerfile'), 'utf8')).toContain('"brisk", "run", "--workers"')
  })

  it('refuses a folder with files in it, and a name npm would refuse', () => {
    const dir = folder()
    writeFileSync(join(dir, 'keep.txt'), 'x')
    expect(() => createProject({ dir, runtime: 'node', name: 'ok' })).toThrow(
      `${dir} is not empty: pick a new folder name.`,
    )
    expect(() => createProject({ dir: join(dir, 'x'), runtime: 'node', name: 'My API' })).toThrow(
      '"My API" cannot be the project\'s name: use lowercase letters, digits, and - . _ ~ only.',
    )
  })
})

describe('checkProjectName', () => {
  it('accepts npm names and explains the rest', () => {
    expect(checkProjectName('my-api.v2')).toBeUndefined()
    expect(checkProjectName('')).toBe('give the project a name')
    expect(checkProjectName('_x')).toBe('cannot start with . or _')
    expect(checkProjectName('a'.repeat(215))).toBe('at most 214 characters')
  })
})

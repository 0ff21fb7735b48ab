/** `createProject`: writes a new Brisk project from the templates for one runtime. */
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs'
import { basename, dirname, join, relative } from 'node:path'
import { fileURLToPath } from 'node:url'
import { packageJson } from './package-json.ts'
import { checkProjectName } from './project-name.ts'
import { readme } from './readme.ts'
import type { Runtime } from './runtimes.ts'

export interface CreateProjectOptions {
  /** The folder to create (it must not exist, or be empty). */
  readonly dir: string
  readonly runtime: Runtime
  /** The package name (default: the folder's name). */
  readonly name?: string
  /** The `@brisk/*` range written to package.json (default: `^` this package's version). */
  readonly brisk?: string
}

const templates = fileURLToPath(new URL('../templates', import.meta.url))
// npm drops .gitignore files from published packages, so templates keep them under another name.
const RENAMED: Readonly<Record<string, string>> = {
  _gitignore: '.gitignore',
  _dockerignore: '.dockerignore',
}
// Each runtime's type declarations for tsconfig.json (Deno reads deno.json instead).
const TYPES: Readonly<Record<Runtime, readonly string[] | undefined>> = {
  node: ['node'],
  bun: ['bun'],
  deno: undefined,
  workers: [],
}

/**
 * Writes the project and returns the files written (relative paths, sorted). Throws when the name
 * is not a valid package name or the folder has files in it.
 *
 * @example
 * createProject({ dir: 'my-api', runtime: 'node' })
 */
export function createProject(options: CreateProjectOptions): string[] {
  const name = options.name ?? basename(options.dir)
  const problem = checkProjectName(name)
  if (problem) throw new Error(`"${name}" cannot be the project's name: ${problem}.`)
  if (existsSync(options.dir) && readdirSync(options.dir).length > 0)
    throw new Error(`${options.dir} is not empty: pick a new folder name.`)
  const brisk = options.brisk ?? `^${ownVersion()}`
  const files = new Map<string, string>()
  for (const layer of ['common', options.runtime])
    for (const file of walk(join(templates, layer))) {
      const target = relative(join(templates, layer), file)
      files.set(RENAMED[target] ?? target, readFileSync(file, 'utf8'))
    }
  const types = TYPES[options.runtime]
  const tsconfig = files.get('tsconfig.json')
  if (types === undefined) files.delete('tsconfig.json')
  else if (tsconfig !== undefined) {
    const config = JSON.parse(tsconfig) as { compilerOptions: Record<string, unknown> }
    config.compilerOptions.types = types
    files.set('tsconfig.json', `${JSON.stringify(config, null, 2)}\n`)
  }
  files.set(
    'package.json',
    `${JSON.stringify(packageJson({ name, runtime: options.runtime, brisk }), null, 2)}\n`,
  )
  files.set('README.md', readme(name, options.runtime))
  for (const [path, text] of files) {
    const target = join(options.dir, path)
    mkdirSync(dirname(target), { recursive: true })
    writeFileSync(target, text.replaceAll('{{name}}', name))
  }
  return [...files.keys()].sort()
}

function walk(dir: string): string[] {
  if (!existsSync(dir)) return []
  return readdirSync(dir).flatMap((entry) => {
    const path = join(dir, entry)
    return statSync(path).isDirectory() ? walk(path) : [path]
  })
}

function ownVersion(): string {
  const manifest = fileURLToPath(new URL('../package.json', import.meta.url))
  return (JSON.parse(readFileSync(manifest, 'utf8')) as { version: string }).version
}

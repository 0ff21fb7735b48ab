/**
 * The Brisk packages as a user gets them: every publishable workspace packed by `npm pack` once,
 * and a generated project pointed at those tarballs instead of the registry.
 */
import { execFile } from 'node:child_process'
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { promisify } from 'node:util'

const run = promisify(execFile)
export const repoRoot = fileURLToPath(new URL('../../../../', import.meta.url))

/** Packs every non-private `packages/*` (already built) into a temp folder: name → tarball path. */
export async function packBrisk(): Promise<Map<string, string>> {
  const destination = mkdtempSync(join(tmpdir(), 'brisk-tarballs-'))
  const workspaces = readdirSync(join(repoRoot, 'packages')).filter((name) => {
    const manifest = join(repoRoot, 'packages', name, 'package.json')
    return existsSync(manifest) && !JSON.parse(readFileSync(manifest, 'utf8')).private
  })
  const { stdout } = await run(
    'npm',
    [
      'pack',
      '--ignore-scripts',
      '--json',
      '--pack-destination',
      destination,
      ...workspaces.map((name) => `--workspace=packages/${name}`),
    ],
    { cwd: repoRoot, maxBuffer: 64 << 20 },
  )
  const packed = JSON.parse(stdout.slice(stdout.indexOf('['))) as {
    name: string
    filename: string
  }[]
  return new Map(packed.map((entry) => [entry.name, join(destination, entry.filename)]))
}

/**
 * Rewrites the project's package.json so every `@brisk/*` package — listed or pulled in by
 * another — comes from its tarball (npm `overrides`), as if they were published.
 */
export function useTarballs(project: string, tarballs: Map<string, string>, drop: string[] = []) {
  const file = join(project, 'package.json')
  const manifest = JSON.parse(readFileSync(file, 'utf8'))
  const overrides: Record<string, string> = {}
  for (const [name, tarball] of tarballs) {
    if (manifest.dependencies?.[name]) {
      manifest.dependencies[name] = `file:${tarball}`
      overrides[name] = `$${name}`
    } else if (name.startsWith('@brisk/')) overrides[name] = `file:${tarball}`
  }
  for (const name of drop) delete manifest.devDependencies?.[name]
  manifest.overrides = overrides
  writeFileSync(file, `${JSON.stringify(manifest, null, 2)}\n`)
}

/** Every installed copy of a package under node_modules, at any depth. */
export function copiesOf(project: string, name: string): string[] {
  const found: string[] = []
  const visit = (modules: string) => {
    if (!existsSync(modules)) return
    for (const entry of readdirSync(modules)) {
      if (entry.startsWith('.')) continue
      const dirs = entry.startsWith('@')
        ? readdirSync(join(modules, entry)).map((scoped) => join(modules, entry, scoped))
        : [join(modules, entry)]
      for (const dir of dirs) {
        const manifest = join(dir, 'package.json')
        if (existsSync(manifest) && JSON.parse(readFileSync(manifest, 'utf8')).name === name)
          found.push(dir)
        visit(join(dir, 'node_modules'))
      }
    }
  }
  visit(join(project, 'node_modules'))
  return found
}

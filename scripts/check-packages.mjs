// Fails when a publishable package would not work once published: publint and attw on its tarball.
//
// For every packages/* that is not private: `npm pack` once, then on that tarball
//  - publint --strict (exports/files/types consistency; warnings fail too),
//  - attw --profile esm-only (the packages are ESM only: `"type": "module"` with no `require`
//    condition, so the node10 and node16-from-CJS resolutions are out of scope by design;
//    every other resolution must be 🟢),
// and checks the exports convention: each export has `source` at ./src and `types`/`default`
// at ./dist. Builds nothing: run after `turbo run build`. `node scripts/check-packages.mjs`.
import { execFile } from 'node:child_process'
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join, relative, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { promisify } from 'node:util'

const run = promisify(execFile)
const root = resolve(dirname(fileURLToPath(import.meta.url)), '..')
const bin = (name) => join(root, 'node_modules', '.bin', name)
const env = { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0', npm_config_update_notifier: 'false' }

const packagesDir = join(root, 'packages')
const packages = readdirSync(packagesDir)
  .map((name) => join(packagesDir, name))
  .filter((dir) => existsSync(join(dir, 'package.json')))
  .map((dir) => ({ dir, manifest: JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) }))
  .filter(({ manifest }) => !manifest.private)

/** Each export keeps `source` at src for the workspace and `types`/`default` at dist. */
function exportsConvention({ manifest }) {
  const problems = []
  for (const [key, target] of Object.entries(manifest.exports ?? {})) {
    if (typeof target !== 'object' || target === null) {
      problems.push(`exports["${key}"] must be an object with source/types/default`)
      continue
    }
    const expect = { source: './src/', types: './dist/', default: './dist/' }
    for (const [condition, prefix] of Object.entries(expect)) {
      if (typeof target[condition] !== 'string' || !target[condition].startsWith(prefix))
        problems.push(`exports["${key}"].${condition} must be a path under ${prefix}`)
    }
  }
  return problems
}

/** Output of a command, and whether it exited 0 (a non-zero exit is a finding, not a crash). */
async function capture(file, args, cwd) {
  try {
    const { stdout, stderr } = await run(file, args, { cwd, env, maxBuffer: 16 << 20 })
    return { ok: true, output: `${stdout}${stderr}` }
  } catch (error) {
    if (typeof error.code !== 'number') throw error
    return { ok: false, output: `${error.stdout ?? ''}${error.stderr ?? ''}` }
  }
}

async function checkTarball(pkg, tarball) {
  const name = pkg.manifest.name
  const failures = exportsConvention(pkg).map((problem) => `${name}: ${problem}`)
  const [publint, attw] = await Promise.all([
    capture(bin('publint'), ['run', tarball, '--strict'], pkg.dir),
    capture(
      bin('attw'),
      [tarball, '--profile', 'esm-only', '--format', 'ascii', '--no-color', '--no-emoji'],
      pkg.dir,
    ),
  ])
  if (!publint.ok) failures.push(`${name}: publint\n${publint.output}`)
  if (!attw.ok) failures.push(`${name}: attw\n${attw.output}`)
  return failures
}

const failures = []
const scratch = mkdtempSync(join(tmpdir(), 'brisk-pack-'))
try {
  // One npm process packs every package (npm's own start-up is a good part of the cost).
  const workspaces = packages.map(({ dir }) => `--workspace=${relative(root, dir)}`)
  const packed = await capture(
    'npm',
    ['pack', '--ignore-scripts', '--json', '--pack-destination', scratch, ...workspaces],
    root,
  )
  if (!packed.ok) {
    console.error(`check-packages: npm pack failed\n${packed.output}`)
    process.exit(1)
  }
  const tarballs = new Map(
    JSON.parse(packed.output.slice(packed.output.indexOf('['))).map((entry) => [
      entry.name,
      join(scratch, entry.filename),
    ]),
  )
  // Two at a time: publint and attw each start a Node process, and the machine has two cores.
  const queue = [...packages]
  await Promise.all(
    [0, 1].map(async () => {
      for (let pkg = queue.shift(); pkg; pkg = queue.shift())
        failures.push(...(await checkTarball(pkg, tarballs.get(pkg.manifest.name))))
    }),
  )
} finally {
  rmSync(scratch, { recursive: true, force: true })
}

if (failures.length > 0) {
  console.error(`check-packages: ${failures.length} problem(s):`)
  for (const failure of failures) console.error(failure)
  process.exit(1)
}
const names = packages.map(({ dir }) => relative(root, dir)).join(', ')
console.log(`check-packages: publint + attw (esm-only) clean for ${names}`)

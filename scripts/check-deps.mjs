// Fails when a package imports a package it does not declare, from its source or its built types.
//
// Scans every packages/* source file (tests excluded) and every built dist/**/*.d.ts for import
// specifiers (static, dynamic, `import type`, `import("x")` types, `/// <reference types>`).
// A bare name must be the package itself or in its dependencies/peerDependencies
// (devDependencies are not installed for a consumer). `#x` must be a key of its `imports`.
// `node:` builtins are allowed only in files a build tsconfig compiles with Node's types
// (the runtime adapters); everywhere else, core speaks web standards only.
// Run after `turbo run build`: `node scripts/check-deps.mjs`.
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { builtinModules } from 'node:module'
import { dirname, join, relative, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import ts from 'typescript'

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..')
const builtins = new Set(builtinModules.filter((name) => !name.startsWith('_')))
const problems = []

/** Every file under dir whose name passes keep, skipping node_modules. */
function walk(dir, keep, out = []) {
  if (!existsSync(dir)) return out
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name)
    if (entry.isDirectory()) {
      if (entry.name !== 'node_modules') walk(path, keep, out)
    } else if (keep(entry.name)) out.push(path)
  }
  return out
}

const isSource = (name) =>
  /\.(m|c)?tsx?$/.test(name) &&
  !/\.d\.(m|c)?ts$/.test(name) &&
  !/\.test(-d)?\.(m|c)?tsx?$/.test(name)
const isDeclaration = (name) => /\.d\.(m|c)?ts$/.test(name)

/** Source files that an emitting tsconfig of the package compiles with `types: ["node"]`. */
function nodeFiles(pkgDir) {
  const files = new Set()
  for (const name of readdirSync(pkgDir)) {
    if (!/^tsconfig.*\.json$/.test(name)) continue
    const config = ts.getParsedCommandLineOfConfigFile(
      join(pkgDir, name),
      {},
      {
        ...ts.sys,
        onUnRecoverableConfigFileDiagnostic: () => {},
      },
    )
    if (!config || config.options.noEmit) continue
    if (!config.options.types?.includes('node')) continue
    for (const file of config.fileNames) files.add(resolve(file))
  }
  return files
}

/** The package name a bare specifier names: `@scope/name/sub` → `@scope/name`. */
const packageName = (specifier) =>
  specifier
    .split('/')
    .slice(0, specifier.startsWith('@') ? 2 : 1)
    .join('/')

function checkPackage(pkgDir) {
  const manifest = JSON.parse(readFileSync(join(pkgDir, 'package.json'), 'utf8'))
  const declared = new Set([
    manifest.name,
    ...Object.keys(manifest.dependencies ?? {}),
    ...Object.keys(manifest.peerDependencies ?? {}),
  ])
  const importKeys = Object.keys(manifest.imports ?? {})
  const nodeAllowed = nodeFiles(pkgDir)
  const srcDir = join(pkgDir, 'src')
  const distDir = join(pkgDir, 'dist')
  // A declaration file stands for the source it was emitted from (dist/a/b.d.ts ← src/a/b.ts).
  const sourceOf = (file) =>
    file.startsWith(distDir)
      ? join(srcDir, relative(distDir, file)).replace(/\.d\.(m|c)?ts$/, '.ts')
      : file
  const files = [...walk(srcDir, isSource), ...walk(distDir, isDeclaration)]

  for (const file of files) {
    if (file.startsWith(distDir) && !existsSync(sourceOf(file))) {
      // tsc -b never deletes outputs of removed sources; npm pack would publish them.
      problems.push(
        `${relative(root, file)}: stale build output (no ${relative(root, sourceOf(file))}): delete dist and rebuild`,
      )
      continue
    }
    const info = ts.preProcessFile(readFileSync(file, 'utf8'), true, true)
    const where = relative(root, file)
    const report = (specifier, why) => problems.push(`${where}: '${specifier}' ${why}`)
    const allowsNode = nodeAllowed.has(sourceOf(file))
    const specifiers = [
      ...info.importedFiles.map((ref) => ref.fileName),
      // `/// <reference types="x" />` needs x (or @types/x) at the consumer too.
      ...info.typeReferenceDirectives.map((ref) =>
        ref.fileName === 'node' ? 'node:' : ref.fileName,
      ),
    ]
    for (const specifier of specifiers) {
      if (specifier.startsWith('.') || specifier.startsWith('/')) continue
      if (specifier.startsWith('#')) {
        if (!importKeys.includes(specifier))
          report(specifier, `is not a key of ${manifest.name}'s "imports"`)
        continue
      }
      if (specifier.startsWith('node:')) {
        if (!allowsNode)
          report(
            specifier,
            'is a Node builtin outside the Node adapter files (tsconfig types: node)',
          )
        continue
      }
      if (/^[a-z]+:/.test(specifier)) {
        report(specifier, 'is a runtime-specific module: not allowed in packages')
        continue
      }
      const name = packageName(specifier)
      if (builtins.has(name)) {
        report(specifier, `is a Node builtin: write 'node:${specifier}' (adapter files only)`)
        continue
      }
      if (declared.has(name)) continue
      const why = manifest.devDependencies?.[name] ? 'is only a devDependency' : 'is not declared'
      report(
        specifier,
        `${why}: add '${name}' to ${manifest.name}'s dependencies or peerDependencies`,
      )
    }
  }
  return files.length
}

const packagesDir = join(root, 'packages')
let scanned = 0
for (const entry of readdirSync(packagesDir, { withFileTypes: true })) {
  const pkgDir = join(packagesDir, entry.name)
  if (entry.isDirectory() && existsSync(join(pkgDir, 'package.json')))
    scanned += checkPackage(pkgDir)
}

const unique = [...new Set(problems)]
if (unique.length > 0) {
  console.error(`check-deps: ${unique.length} problem(s):`)
  for (const problem of unique) console.error(`  ${problem}`)
  process.exit(1)
}
console.log(`check-deps: ${scanned} files, every import declared`)

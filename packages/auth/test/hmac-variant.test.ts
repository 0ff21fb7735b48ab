/**
 * Which `#hmac` variant each runtime loads from sources, as the conformance runners start them:
 * `node:crypto` (synchronous) wherever it exists, WebCrypto in workerd's bundle.
 */
import { execFileSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { build } from 'esbuild'
import { describe, expect, it } from 'vitest'
import { hmacVerifier } from '#hmac'

const root = fileURLToPath(new URL('../', import.meta.url))

/** Bun, Deno and esbuild come with the workspace (devDependencies of @brisk/conformance). */
function binary(name: string): string {
  const path = fileURLToPath(new URL(`../../../node_modules/.bin/${name}`, import.meta.url))
  if (!existsSync(path)) throw new Error(`${path} not found; run npm ci at the workspace root`)
  return path
}

const runtimes: ReadonlyArray<readonly [string, () => readonly [string, string[]]]> = [
  ['Bun', () => [binary('bun'), ['--conditions=source', 'test/print-hmac-variant.ts']]],
  ['Deno', () => [binary('deno'), ['run', '--conditions=source', 'test/print-hmac-variant.ts']]],
]

describe('the #hmac variant', () => {
  it('is node:crypto under vitest on Node', () => {
    expect(hmacVerifier('SHA-256', new Uint8Array(32))('input', 'signature')).toBe(false)
  })

  it.each(runtimes)('is node:crypto under %s', (_, command) => {
    const [file, args] = command()
    const output = execFileSync(file, args, {
      cwd: root,
      encoding: 'utf8',
      env: { ...process.env, DENO_NO_UPDATE_CHECK: '1', DENO_NO_PROMPT: '1' },
    })
    expect(output.trim()).toBe('node:crypto')
  })

  it('is WebCrypto in a bundle made as the workerd conformance runner makes it', async () => {
    const bundle = await build({
      absWorkingDir: root,
      entryPoints: ['test/print-hmac-variant.ts'],
      bundle: true,
      write: false,
      metafile: true,
      format: 'esm',
      platform: 'browser',
      conditions: ['source', 'workerd', 'worker', 'browser'],
      logLevel: 'silent',
    })
    const inputs = Object.keys(bundle.metafile.inputs).filter((path) => path.includes('/hmac-'))
    expect(inputs).toEqual(['src/internal/hmac-web.ts'])
  })
})

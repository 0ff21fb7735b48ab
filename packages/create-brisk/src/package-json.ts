/** `packageJson`: the new project's manifest — scripts and dependencies for its runtime. */
import type { Runtime } from './runtimes.ts'

export interface PackageJsonOptions {
  readonly name: string
  readonly runtime: Runtime
  /** The `@brisk/*` version range, e.g. `^0.1.0`. */
  readonly brisk: string
}

/** The versions the templates are tested with. */
const VERSIONS = {
  hono: '^4.9.0',
  valibot: '^1.5.0',
  typescript: '~5.9.3',
  vitest: '~4.1.12',
  '@types/node': '^20.19.0',
  '@types/bun': '^1.3.0',
  wrangler: '^4.86.0',
  miniflare: '^4.20260730.0',
  esbuild: '^0.28.0',
} as const

const pick = (...names: (keyof typeof VERSIONS)[]) =>
  Object.fromEntries(names.map((name) => [name, VERSIONS[name]]))

/**
 * The manifest object. `@brisk/cli` is a runtime dependency (not dev) on Node, Bun and Deno:
 * `brisk run` is how production starts.
 *
 * @example
 * packageJson({ name: 'my-api', runtime: 'node', brisk: '^0.1.0' }).scripts.dev // 'brisk dev'
 */
export function packageJson(options: PackageJsonOptions) {
  const brisk = { '@brisk/openapi': options.brisk, '@brisk/router': options.brisk }
  const base = { name: options.name, version: '0.1.0', private: true, type: 'module' }
  const cli = { '@brisk/cli': options.brisk }
  switch (options.runtime) {
    case 'node':
      return {
        ...base,
        engines: { node: '>=20.19' },
        scripts: {
          dev: 'brisk dev',
          start: 'brisk run --workers 2',
          test: 'vitest run',
          typecheck: 'tsc',
          openapi: 'brisk openapi -o openapi.json',
        },
        dependencies: { ...brisk, ...cli, ...pick('hono', 'valibot') },
        devDependencies: pick('@types/node', 'typescript', 'vitest'),
      }
    case 'bun':
      return {
        ...base,
        scripts: { dev: 'brisk dev', start: 'brisk run --runtime bun', test: 'bun test' },
        dependencies: { ...brisk, ...cli, ...pick('hono', 'valibot') },
        devDependencies: pick('@types/bun', 'typescript'),
      }
    case 'deno':
      return {
        ...base,
        scripts: { dev: 'brisk dev', start: 'brisk run --runtime deno', test: 'deno test -A' },
        dependencies: { ...brisk, ...cli, ...pick('hono', 'valibot') },
        // Deno type-checks npm packages against Node's types.
        devDependencies: pick('@types/node'),
      }
    case 'workers':
      return {
        ...base,
        scripts: {
          dev: 'wrangler dev',
          deploy: 'wrangler deploy',
          test: 'vitest run',
          typecheck: 'tsc',
        },
        dependencies: { ...brisk, ...pick('hono', 'valibot') },
        devDependencies: pick('esbuild', 'miniflare', 'typescript', 'vitest', 'wrangler'),
      }
  }
}

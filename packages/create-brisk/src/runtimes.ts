/** The runtimes a project can be made for, and what differs between them. */

export const RUNTIMES = ['node', 'bun', 'deno', 'workers'] as const

/** A target runtime: `workers` is Cloudflare Workers. */
export type Runtime = (typeof RUNTIMES)[number]

/** Whether a string names a runtime. */
export function isRuntime(value: unknown): value is Runtime {
  return (RUNTIMES as readonly unknown[]).includes(value)
}

/** One line per runtime, for prompts and `--help`. */
export const RUNTIME_LABELS: Readonly<Record<Runtime, string>> = {
  node: 'Node.js — brisk dev, brisk run --workers, a Dockerfile',
  bun: 'Bun — brisk run --runtime bun, bun test',
  deno: 'Deno — brisk run --runtime deno, deno test',
  workers: 'Cloudflare Workers — wrangler.jsonc, a Miniflare test',
}

/** `readme`: the new project's README — how to run, test and deploy it on its runtime. */
import type { Runtime } from './runtimes.ts'

const RUN: Readonly<Record<Runtime, string>> = {
  node: `npm run dev        # brisk dev: http://127.0.0.1:8000, docs at /docs, reload on save
npm test           # vitest: app.request() and an override
npm start          # brisk run --workers 2: production, SIGTERM drains
docker build -t app . && docker run -p 8000:8000 app`,
  bun: `npm run dev        # brisk dev (on Node, with reload): http://127.0.0.1:8000/docs
bun test           # app.request() and an override
npm start          # brisk run --runtime bun (Bun.serve; SIGTERM drains)`,
  deno: `npm run dev        # brisk dev (on Node, with reload), or: deno task dev
deno test -A       # app.request() and an override
npm start          # brisk run --runtime deno (SIGTERM drains, then teardown)`,
  workers: `npm run dev        # wrangler dev: http://localhost:8787/docs
npm test           # the Worker bundled and run in workerd (Miniflare)
npm run deploy     # wrangler deploy (wrangler login first; secrets: wrangler secret put NAME)`,
}

/**
 * The README text.
 *
 * @example
 * writeFileSync('README.md', readme('my-api', 'node'))
 */
export function readme(name: string, runtime: Runtime): string {
  return `# ${name}

A [Brisk](https://github.com/brisk-ts/brisk) API for ${runtime === 'workers' ? 'Cloudflare Workers' : runtime}.

\`\`\`sh
npm install
${RUN[runtime]}
\`\`\`

- \`src/app.ts\` — the routes, their schemas and the app (\`export default app\`); the OpenAPI
  document is served at \`/openapi.json\`, the docs at \`/docs\`.
- \`src/store.ts\` — an app-scoped dependency with a teardown (replace it with your database).
- \`.env.example\` — the settings \`settings()\` reads; copy it to \`.env\`.
`
}

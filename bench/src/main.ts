/** `npm run bench`: the in-process request benchmark, then OpenAPI generation time. */
await import('./in-process.ts')
await import('./openapi-generation.ts')

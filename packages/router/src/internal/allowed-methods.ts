import { TrieRouter } from 'hono/router/trie-router'
import type { Operation } from '../operation.ts'

/**
 * Answers "which methods does this path have?" for 405 responses. Built once; asked only for
 * requests that matched no route, so it costs nothing on the hot path.
 */
export function allowedMethods(operations: readonly Operation[]): (path: string) => string[] {
  const byPath = new Map<string, Set<string>>()
  for (const operation of operations) {
    const methods = byPath.get(operation.honoPath) ?? new Set<string>()
    methods.add(operation.method)
    if (operation.method === 'GET') methods.add('HEAD')
    byPath.set(operation.honoPath, methods)
  }
  const router = new TrieRouter<Set<string>>()
  for (const [path, methods] of byPath) router.add('ALL', path, methods)
  return (path) => {
    const allowed = new Set<string>()
    for (const [methods] of router.match('GET', path)[0]) {
      for (const method of methods) allowed.add(method)
    }
    return [...allowed].sort()
  }
}

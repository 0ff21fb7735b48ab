/** `router`: a group of routes sharing a prefix, tags, dependencies and security. */
import type { RouteNode, Router, RouterOptions } from './types.ts'

/**
 * Groups routes (and other routers) under a prefix, tags and shared options.
 *
 * @example
 * const users = router({ prefix: '/users', tags: ['users'] }, [listUsers, readUser])
 */
export function router(
  options: RouterOptions,
  // `readonly []` keeps long literal lists cheap to check (see `AppOptions.routes`).
  children: readonly [] | readonly RouteNode[],
): Router {
  return { kind: 'router', options, children }
}

/** `router`: a group of routes sharing a prefix, tags, dependencies and security. */
import type { RouteNode, Router, RouterOptions } from './types.ts'

/**
 * Groups routes (and other routers) under a prefix, tags and shared options.
 *
 * @example
 * const users = router({ prefix: '/users', tags: ['users'] }, [listUsers, readUser])
 */
export function router<
  const TOptions extends RouterOptions,
  const TChildren extends readonly [] | readonly RouteNode[],
>(options: TOptions, children: TChildren): Router<TOptions, TChildren> {
  return { kind: 'router', options, children }
}

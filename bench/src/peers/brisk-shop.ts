/**
 * S7/S8 on Brisk: the shop app itself (`@brisk/shop`, routes, security and middleware unchanged),
 * its one driver dependency, `dialect`, overridden with libsql on the bench's database file (as
 * the shop's Node entry does), served by `@brisk/router/node`.
 */
import { dependency } from '@brisk/router'
import { type NodeServer, serve } from '@brisk/router/node'
import { app } from '@brisk/shop'
import { shopDialect } from '../shop/database.ts'
import { databasePath } from '../shop/files.ts'
import { findDependency } from '../shop/find-dependency.ts'

/** Serves the shop on `path`; `onPrepare` hears every SQL statement (the contract test). */
export function serveBriskShop(
  path: string,
  port: number,
  hostname: string,
  onPrepare?: (sql: string) => void,
): Promise<NodeServer> {
  app.override(
    findDependency(app, 'dialect'),
    dependency({ scope: 'app', name: 'dialect (libsql, bench)' }, () =>
      shopDialect(path, onPrepare),
    ),
  )
  // The bench's server entry handles signals itself.
  return serve(app, { port, hostname, signals: [] })
}

export async function listen(port: number, hostname: string): Promise<void> {
  await serveBriskShop(databasePath(), port, hostname)
}

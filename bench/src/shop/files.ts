/**
 * The database files of an S7/S8 run: one seeded template per run (made by `seed-entry.ts` in its
 * own process, with the shop's settings), copied once per server so each starts from the same
 * 10k items and grows only by its own S8 inserts. Removed when the run ends.
 */
import { copyFile, mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { spawnNode, stopProcess, waitForLine } from '../http/processes.ts'
import type { PeerSetup } from '../peers/index.ts'
import { countItems } from './seed.ts'
import { databaseVariable, seedItems, shopEnvironment } from './settings.ts'

/** The database file a server process was given (`BENCH_SHOP_DB`). */
export function databasePath(): string {
  const path = process.env[databaseVariable]
  if (!path) throw new Error(`${databaseVariable} must name the shop database file`)
  return path
}

const seedScript = new URL('./seed-entry.js', import.meta.url).pathname
let template: Promise<{ directory: string; path: string }> | undefined
let users = 0

async function seedTemplate() {
  const directory = await mkdtemp(join(tmpdir(), 'brisk-bench-shop-'))
  const path = join(directory, 'template.db')
  const child = spawnNode(1, [seedScript, path, String(seedItems)], 'ignore', shopEnvironment)
  try {
    await waitForLine(child, /^seeded$/, 60_000)
  } finally {
    await stopProcess(child)
  }
  return { directory, path }
}

/** A fresh copy of the seeded database for `peerId`'s server, with the shop's settings. */
export async function shopDatabaseFor(peerId: string): Promise<PeerSetup> {
  template ??= seedTemplate()
  users++
  const { directory, path: source } = await template
  const path = join(directory, `${peerId}.db`)
  await copyFile(source, path)
  return {
    env: { ...shopEnvironment, [databaseVariable]: path },
    describe: () => `${countItems(path).toLocaleString('en-US')} items at the end`,
    async cleanup() {
      if (--users > 0) return
      template = undefined
      await rm(directory, { recursive: true, force: true })
    },
  }
}

/** The settings every served shop in these tests runs with, and temporary database files. */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll } from 'vitest'

/** Not the development defaults, so the tests prove each runtime reads its settings. */
export const TEST_SETTINGS = {
  JWT_SECRET: 'shop-test-jwt-secret-that-is-not-the-default',
  ADMIN_API_KEY: 'shop-test-operators-key',
} as const

/**
 * A fresh directory for this test file's databases, removed after its tests. Returns the path of
 * `name` inside it (the file itself is made by the server, with any missing directories).
 */
export function tempDatabase(name = 'shop.db'): string {
  const dir = mkdtempSync(join(tmpdir(), 'shop-test-'))
  afterAll(() => rmSync(dir, { recursive: true, force: true }))
  return join(dir, 'data', name)
}

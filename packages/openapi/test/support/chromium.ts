/** Debian's chromium for the browser tests (playwright's own download cannot work here). */
import { accessSync, constants } from 'node:fs'
import { delimiter, join } from 'node:path'
import { type Browser, chromium } from 'playwright-core'

/** No background traffic: the machine has no network but the package registries. */
const BROWSER_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
]

/** CI installs chromium in `.ci/run`; a missing browser fails the test, it does not skip it. */
function findChromium(): string {
  const candidates = [
    ...(process.env.PATH ?? '').split(delimiter).map((dir) => join(dir, 'chromium')),
    '/usr/bin/chromium',
  ]
  for (const candidate of candidates) {
    try {
      accessSync(candidate, constants.X_OK)
      return candidate
    } catch {
      // not there or not executable: try the next one
    }
  }
  throw new Error(
    'chromium is not installed: run `apt-get install -y chromium fonts-liberation` (.ci/run does).',
  )
}

export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: findChromium(), args: BROWSER_ARGS, timeout: 30_000 })
}

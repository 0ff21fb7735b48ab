/**
 * The browser for the browser tests, from npm: `@sparticuz/chromium` ships a headless Chromium in
 * its package, so `npm install` is all a machine needs (no apt, no `chromium` on PATH, and
 * playwright's own download cannot work without internet). `CHROMIUM_PATH` picks a system
 * Chrome/Chromium instead. Nothing else is looked for: `/usr/bin/chromium` is never used implicitly.
 */
import {
  accessSync,
  constants,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs'
import { rename } from 'node:fs/promises'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { type Browser, chromium as playwright } from 'playwright-core'

/** For a system browser: headless, and no background traffic (no network but the registries). */
const SYSTEM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
]

/**
 * Flags of `@sparticuz/chromium`'s Lambda set that these tests must not have: `--single-process`
 * kills the browser when a second context opens after the first closed, and the tests check the
 * page's own security (CSP, same origin), which `--disable-web-security` would switch off.
 */
const DROPPED_ARGS = new Set([
  '--single-process',
  '--disable-web-security',
  '--allow-running-insecure-content',
])

const HOW_TO_FIX =
  'Run `npm install` (the browser comes with the @sparticuz/chromium dev dependency), or set ' +
  'CHROMIUM_PATH to a Chrome/Chromium executable, e.g. CHROMIUM_PATH=/usr/bin/chromium npm test.'

/** Where the bundled browser is unpacked once per version: beside the install, not in `/tmp`. */
const CACHE = fileURLToPath(new URL('../../../../node_modules/.cache/', import.meta.url))

interface Launchable {
  readonly executablePath: string
  readonly args: readonly string[]
  readonly env?: Record<string, string>
  readonly source: string
}

function systemBrowser(path: string): Launchable {
  try {
    accessSync(path, constants.X_OK)
  } catch {
    throw new Error(`CHROMIUM_PATH=${path} is not an executable file. ${HOW_TO_FIX}`)
  }
  return { executablePath: path, args: SYSTEM_ARGS, source: `CHROMIUM_PATH=${path}` }
}

/** Staging directories (`<name>.<pid>.<time>`) left by a run that was killed while unpacking. */
function removeAbandoned(name: string): void {
  if (!existsSync(CACHE)) return
  for (const entry of readdirSync(CACHE)) {
    const pid = Number(entry.startsWith(`${name}.`) ? entry.split('.').at(-2) : Number.NaN)
    if (!Number.isInteger(pid)) continue
    try {
      process.kill(pid, 0)
    } catch {
      rmSync(join(CACHE, entry), { recursive: true, force: true })
    }
  }
}

/**
 * `@sparticuz/chromium` unpacks into `os.tmpdir()` and trusts whatever it finds there, so two test
 * files starting at once (or an interrupted first run) could leave a half-written binary. Unpack it
 * into a private directory instead (`TMPDIR` pointed there for the call) and publish that directory
 * with one atomic rename: it exists complete or not at all.
 */
async function bundledBrowser(): Promise<Launchable> {
  const require = createRequire(import.meta.url)
  let main: string
  try {
    main = require.resolve('@sparticuz/chromium')
  } catch {
    throw new Error(
      `No browser for the browser tests: @sparticuz/chromium is not installed. ${HOW_TO_FIX}`,
    )
  }
  const { default: chromium, inflate } = await import('@sparticuz/chromium')
  const root = join(dirname(main), '..')
  const { version } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
    version: string
  }
  const dir = join(CACHE, `brisk-chromium-${version}`)
  if (!existsSync(join(dir, 'chromium'))) {
    removeAbandoned(`brisk-chromium-${version}`)
    const staging = `${dir}.${process.pid}.${Date.now()}`
    mkdirSync(staging, { recursive: true })
    const tmpdir = process.env.TMPDIR
    process.env.TMPDIR = staging
    try {
      await chromium.executablePath(join(root, 'bin'))
      // Its own libnss3/libnspr4 (built for Amazon Linux 2023): no system packages needed.
      await inflate(join(root, 'bin', 'al2023.tar.br'))
    } finally {
      if (tmpdir === undefined) delete process.env.TMPDIR
      else process.env.TMPDIR = tmpdir
    }
    // The system's fonts if it has any, else the bundled Open Sans (no fonts: text has no width).
    writeFileSync(
      join(staging, 'fonts.conf'),
      `<?xml version="1.0"?>
<!DOCTYPE fontconfig SYSTEM "fonts.dtd">
<fontconfig>
  <include ignore_missing="yes">/etc/fonts/fonts.conf</include>
  <dir>${join(dir, 'fonts', 'fonts')}</dir>
  <cachedir>${join(dir, 'fonts-cache')}</cachedir>
</fontconfig>
`,
    )
    try {
      await rename(staging, dir)
    } catch (error) {
      // Another test file published it first: use that one.
      rmSync(staging, { recursive: true, force: true })
      if (!existsSync(join(dir, 'chromium'))) throw error
    }
  }
  const libraries = join(dir, 'al2023', 'lib')
  const env: Record<string, string> = {}
  for (const [name, value] of Object.entries(process.env)) {
    if (value !== undefined) env[name] = value
  }
  env.LD_LIBRARY_PATH = [libraries, process.env.LD_LIBRARY_PATH].filter(Boolean).join(':')
  env.FONTCONFIG_FILE = join(dir, 'fonts.conf')
  return {
    executablePath: join(dir, 'chromium'),
    args: chromium.args.filter((arg) => !DROPPED_ARGS.has(arg)),
    env,
    source: `@sparticuz/chromium ${version}`,
  }
}

/** A headless Chromium; throws (so the test fails, it does not skip) saying how to get one. */
export async function launchChromium(): Promise<Browser> {
  const path = process.env.CHROMIUM_PATH
  const browser = path ? systemBrowser(path) : await bundledBrowser()
  try {
    return await playwright.launch({
      executablePath: browser.executablePath,
      args: [...browser.args],
      ...(browser.env ? { env: browser.env } : {}),
      headless: true,
      timeout: 30_000,
    })
  } catch (error) {
    throw new Error(
      `Could not start the browser for the browser tests (${browser.source}): ${(error as Error).message}\n${HOW_TO_FIX}`,
      { cause: error },
    )
  }
}

/**
 * For `beforeAll`: the browser, or why there is none. A failing hook would only mark the tests as
 * skipped; each test throws this error instead, so a missing browser counts as failed tests.
 */
export async function launchChromiumOrError(): Promise<Browser | Error> {
  try {
    return await launchChromium()
  } catch (error) {
    return error instanceof Error ? error : new Error(String(error))
  }
}

/**
 * What every answer to a hostile request must satisfy: no 5xx except from the routes built to
 * fail, a JSON body on every 4xx the app makes, and nothing in any body that leaks a stack trace,
 * a file path or the secrets the fixture holds.
 */
import type { HostileRequest } from './hostile-request.ts'
import type { Outcome } from './node/raw-exchange.ts'
import { builtToFail } from './targets.ts'

/** Fixture secrets that must never reach a client (`/crash`'s message, `/users`' hash). */
const SECRETS = ['hunter2', 'postgres://', 'pbkdf2$never-sent', 'conformance-secret-of-32-bytes']

const LEAKS: readonly [string, RegExp][] = [
  ['stack frame', /\n\s+at \S|\bat [\w$.<>]+ \(/],
  ['file URL', /file:\/\//],
  ['source path', /\/(?:work|home|tmp|usr|src|node_modules)\/[\w.-]+\/|[\w-]+\.(?:ts|js|mjs):\d+/],
]

/**
 * Whether the app made this answer: the fixture's `secureHeaders()` middleware marks every
 * response that passes through the app, 404s included (and `cors()` marks its preflights). Unmarked answers come from the runtime's
 * HTTP layer before the app ran (a malformed request line, an oversized head, smuggling framing,
 * an unsupported `Expect`, a target the server cannot turn into a URL).
 */
export function answeredByApp(outcome: Outcome): boolean {
  if (outcome.kind !== 'response') return false
  // A CORS preflight is answered by the cors middleware, before secureHeaders runs.
  return (
    outcome.headers['x-content-type-options'] === 'nosniff' ||
    outcome.headers['access-control-allow-methods'] !== undefined
  )
}

/**
 * 5xx answers a runtime's HTTP layer may give without the app: 501 (a method it does not know)
 * and 505 (no valid HTTP version, e.g. a space in the target). workerd also answers 500 to targets
 * its URL parser rejects (it logs "invalid URL"), before the Worker runs.
 */
function runtimeMayRefuse(runtime: string, status: number): boolean {
  return status === 501 || status === 505 || (runtime === 'workerd' && status === 500)
}

/** The path the server routes: what `new URL()` makes of the raw target, percent-decoded. */
function routedPath(target: string): string {
  try {
    const { pathname } = new URL(target, 'http://brisk.test')
    return decodeURIComponent(pathname)
  } catch {
    return target
  }
}

/** Whether a 5xx may come from this request: it reached a route that is built to fail. */
export function mayFail(request: HostileRequest): boolean {
  const path = routedPath(request.target)
  return builtToFail.some((route) => path === route || path.endsWith(route))
}

/** Every way `outcome` breaks an invariant on `runtime`, as sentences (empty when it holds). */
export function violations(request: HostileRequest, outcome: Outcome, runtime: string): string[] {
  if (outcome.kind !== 'response') return []
  const found: string[] = []
  const { status, body, headers } = outcome
  if (answeredByApp(outcome)) {
    if (status >= 500 && !mayFail(request)) found.push(`${status} from a route not built to fail`)
    if (status >= 400 && status < 500) {
      const type = headers['content-type'] ?? ''
      if (!/^application\/(?:problem\+)?json/.test(type)) {
        found.push(`${status} with Content-Type "${type}", not JSON`)
      } else if (request.method !== 'HEAD' && !outcome.cut && !parses(body)) {
        found.push(`${status} with a body that is not JSON: ${JSON.stringify(body.slice(0, 120))}`)
      }
    }
  } else if (status >= 500 && !runtimeMayRefuse(runtime, status)) {
    found.push(`${status} from outside the app (no app headers): the adapter failed`)
  } else if (
    runtime === 'node-server' &&
    status >= 400 &&
    status < 500 &&
    !jsonAnswer(request, outcome)
  ) {
    // Brisk's Node adapter answers what Node's server refuses itself (parser errors, 431, 408,
    // 417, targets that are no URL) with JSON too; other runtimes' own refusals are theirs.
    found.push(`${status} refused by the Node adapter without a JSON body`)
  }
  for (const secret of SECRETS) {
    if (body.includes(secret)) found.push(`body leaks "${secret}"`)
  }
  for (const [name, pattern] of LEAKS) {
    const match = pattern.exec(body)
    // Routes that echo their input may echo what the request itself sent.
    if (match && !sentText(request).includes(match[0])) {
      found.push(`body has a ${name}: ${JSON.stringify(match[0])}`)
    }
  }
  return found
}

function sentText(request: HostileRequest): string {
  const headers = request.headers.map(([name, value]) => `${name}: ${value}`).join('\n')
  return `${request.target}\n${headers}\n${new TextDecoder().decode(request.body)}`
}

function parses(text: string): boolean {
  try {
    JSON.parse(text)
    return true
  } catch {
    return false
  }
}

/** JSON by its type, and by its body where one was read (a HEAD answer's is not). */
function jsonAnswer(request: HostileRequest, outcome: Outcome & { kind: 'response' }): boolean {
  const type = outcome.headers['content-type'] ?? ''
  const read = request.method !== 'HEAD' && !outcome.cut
  return /^application\/json/.test(type) && (!read || parses(outcome.body))
}

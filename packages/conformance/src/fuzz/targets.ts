/**
 * Raw request targets for the fuzzer: the fixture's routes with hostile parameters and queries,
 * then mangled the ways a raw HTTP client can (`%` escapes good and bad, `#`, `;`, dot segments,
 * doubled slashes, absolute and asterisk forms, very long targets).
 */
import fc from 'fast-check'

/**
 * Fixture paths; `{n}` takes a number-like value, `{s}` any segment, `{id}` a request id. The
 * fixture's slow route (`/di/teardown/slow`, 5 s unless aborted) is left out: it is there to be
 * aborted, which the teardown-under-faults test does.
 */
const routes = [
  '/',
  '/items/{n}',
  '/items',
  '/files/{s}',
  '/coerce/int?value={n}',
  '/coerce/float?value={n}',
  '/coerce/bool?value={s}',
  '/coerce/bigint?value={n}',
  '/coerce/enum?value={s}',
  '/coerce/date?value={s}',
  '/coerce/array?value={n}&value={n}',
  '/coerce/string?value={s}',
  '/headers',
  '/cookies',
  '/orders/{n}?notify={s}',
  '/products',
  '/form',
  '/upload',
  '/small',
  '/keys/record',
  '/keys/loose',
  '/keys/form',
  '/users/{n}',
  '/http-exception',
  '/teapot',
  '/crash',
  '/broken-response',
  '/raw',
  '/raw-json',
  '/stream/sse',
  '/stream/ndjson',
  '/stream/checked',
  '/stream/endless?id={id}',
  '/stream/status?id={id}',
  '/reported-errors',
  '/reported-errors/count',
  '/di/teardown/returns',
  '/di/teardown/throws',
  '/di/teardown/denied',
  '/di/teardown/invalid?n={n}',
  '/di/teardown/stream?items={n}',
  '/di/cached',
  '/di/fresh',
  '/di/background',
  '/di/background/stream',
  '/di/instance',
  '/di/inputs?n={n}',
  '/di/source',
  '/di/concurrent',
  '/di/log/{id}',
  '/di/stats/{id}',
  '/runtime',
  '/runtime/waited',
  '/problem/things?dry_run={s}',
  '/host/hello',
  '/host/api/things/{n}',
  '/host/api/conflict',
  '/di-app/public',
  '/di-app/admin/report',
  '/di-app/lifespan',
  '/di-override/source',
  '/di-override/greeting',
  '/di-override/me',
  '/di-override/caller',
  '/di-override/cleared/source',
  '/auth/token',
  '/auth/health',
  '/auth/me',
  '/auth/admin',
  '/auth/notes',
  '/auth/bearer',
  '/auth/rs256',
  '/auth/key/header',
  '/auth/key/query?api_key={s}',
  '/auth/key/cookie',
  '/auth/key/either?api_key={s}',
  '/auth/basic',
  '/auth/either',
  '/ws/echo?name={s}',
  '/ws/secured?ticket={s}',
  '/openapi.json',
  '/docs',
  '/nowhere/{s}',
] as const

/** Templates whose route takes POST (the rest take GET, `/items/{n}` also DELETE). */
const postRoutes = new Set<string>([
  '/items',
  '/orders/{n}?notify={s}',
  '/products',
  '/form',
  '/upload',
  '/small',
  '/keys/record',
  '/keys/loose',
  '/keys/form',
  '/di/background',
  '/problem/things?dry_run={s}',
  '/auth/token',
  '/auth/notes',
])

/** The method a template's route is declared with. */
export function methodOf(template: string): string {
  return postRoutes.has(template) ? 'POST' : 'GET'
}

/** The routes that are built to fail with a 500: the only places a 5xx is allowed. */
export const builtToFail = ['/crash', '/broken-response', '/di/teardown/throws'] as const

const number = fc.oneof(
  fc.integer({ min: -2, max: 50 }).map(String),
  fc.constantFrom(
    '0',
    '1',
    '1.5',
    '1e3',
    '1e999',
    '-1e999',
    'NaN',
    'Infinity',
    '0x10',
    '00',
    ' 1',
    '1_000',
  ),
  fc.constantFrom('9007199254740993', '-0', '+1', '', '%31', '1%00'),
)

const segment = fc.oneof(
  fc.constantFrom('a', 'red', 'true', 'false', '1', 'yes', '2024-01-01', 'not-a-date', ''),
  fc.constantFrom(
    '%',
    '%zz',
    '%00',
    '%2F',
    '%2e%2e',
    '%C0%AF',
    '%E2%82',
    '%u0041',
    '%%41',
    '%FF%FE',
  ),
  fc.constantFrom(
    '__proto__',
    'constructor',
    'a;b=c',
    'a#b',
    '..',
    '.',
    'a\\b',
    'a b',
    "<script>'",
  ),
  fc.constantFrom('acme-key-0123456789abcdef', 'short'),
  fc.stringMatching(/^[A-Za-z0-9._~!$&'()*+,;=:@%-]{0,24}$/),
)

const requestId = fc.oneof(fc.uuid(), fc.constantFrom('fuzz', '', '%00', '__proto__'))

function fill(template: string, values: { n: string; s: string; id: string }): string {
  return template
    .replaceAll('{n}', values.n)
    .replaceAll('{s}', values.s)
    .replaceAll('{id}', values.id)
}

/** A fixture path with its parameters filled in, and the template it came from. */
const filled = fc
  .record({ template: fc.constantFrom(...routes), n: number, s: segment, id: requestId })
  .map(({ template, ...values }) => ({ template, path: fill(template, values) }))

const extraQuery = fc.oneof(
  fc.constantFrom(
    '',
    '?',
    '?&',
    '?value=1&value=2',
    '?__proto__=x',
    '?__proto__[polluted]=1',
    '?constructor[prototype][polluted]=1',
    '?n=1#?n=2',
    '?q=a#?q=b',
    '?%zz=1',
    '?a=%',
    '?=',
    '?;a=1',
  ),
  fc.integer({ min: 200, max: 3000 }).map((count) => `?${'a=1&'.repeat(count)}`),
)

/** How a target is mangled after it is filled in. */
const mangle = fc.oneof(
  { weight: 3, arbitrary: fc.constant((path: string) => path) },
  {
    weight: 2,
    arbitrary: fc.constantFrom(
      (path: string) => `${path}#fragment`,
      (path: string) => `${path.replace('?', '#?')}`,
      (path: string) => `${path};jsessionid=1`,
      (path: string) => `/x/..${path}`,
      (path: string) => `/.${path}`,
      (path: string) => path.replace(/\/([^/?]+)/, '/%2e%2e/$1'),
      (path: string) => path.replace(/\/([^/?]+)/, '/$1/./'),
      (path: string) => `/${path}`,
      (path: string) =>
        path.replace(/^\/([a-z])/, (_, c: string) => `/%${c.charCodeAt(0).toString(16)}`),
      (path: string) => `${path.split('?')[0]}/`,
      (path: string) => path.toUpperCase(),
      (path: string) => `http://evil.test${path}`,
      (path: string) => `//evil.test${path}`,
      (path: string) => path.replaceAll('/', '\\'),
      (path: string) => `${path}${'/a'.repeat(2000)}`,
      () => '*',
    ),
  },
)

/** A raw request target and the route template it aims at. */
export const requestTarget = fc
  .tuple(filled, extraQuery, mangle)
  .map(([{ template, path }, query, change]) => ({
    template,
    target: change(path.includes('?') ? `${path}${query.replace(/^\?/, '&')}` : `${path}${query}`),
  }))

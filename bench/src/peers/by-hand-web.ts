/**
 * By hand on web standards: one `fetch(Request) => Response` handler with hand-written routing,
 * validation and serialisation, and `jose` for the JWT — the reference Brisk is compared with on
 * Bun and Deno (served by `Bun.serve` / `Deno.serve`, `http/serve-web.ts`) and in-process on every
 * runtime. The same work as the Node one (`by-hand.ts`), answers included.
 */
import { jwtVerify } from 'jose'
import { jwtKey, limitOf, listCatalog, userIdOf, validateItem } from './by-hand-checks.ts'
import { meView } from './shared.ts'

const jsonType = { 'content-type': 'application/json' }
const textType = { 'content-type': 'text/plain' }

const send = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), { status, headers: jsonType })

const invalid = (loc: (string | number)[], msg: string) => send(422, { detail: [{ loc, msg }] })

function getUser(idText: string, search: URLSearchParams): Response {
  const id = userIdOf(idText)
  if (id === undefined) return invalid(['path', 'id'], 'expected an integer 1..1e9')
  const fields = search.get('fields')
  return send(200, {
    id,
    name: `user${id}`,
    fields: fields === null ? undefined : fields.split(','),
  })
}

async function postItem(request: Request): Promise<Response> {
  let body: unknown
  try {
    body = await request.json()
  } catch {
    return invalid(['body'], 'invalid JSON')
  }
  const item = validateItem(body)
  if (typeof item === 'string') return invalid(['body', item], 'invalid value')
  return send(201, item)
}

function listItems(search: URLSearchParams): Response {
  const limit = limitOf(search.get('limit'))
  if (limit === undefined) return invalid(['query', 'limit'], 'expected 1..100')
  return send(200, listCatalog(limit))
}

async function getMe(request: Request): Promise<Response> {
  const header = request.headers.get('authorization')
  if (!header?.startsWith('Bearer ')) return send(401, { detail: 'Not authenticated' })
  try {
    const { payload } = await jwtVerify(header.slice(7), jwtKey, { algorithms: ['HS256'] })
    return send(200, meView(payload))
  } catch {
    return send(401, { detail: 'Invalid token' })
  }
}

/** Answers S1, S2, S3, S4 and S6 the way every peer must; anything else is a 404. */
export function byHandFetch(request: Request): Response | Promise<Response> {
  // `request.url` is absolute: the path starts at the first '/' after the scheme's '//'.
  const url = request.url
  const start = url.indexOf('/', url.indexOf('//') + 2)
  const mark = url.indexOf('?', start)
  const path = mark === -1 ? url.slice(start) : url.slice(start, mark)
  const search = new URLSearchParams(mark === -1 ? '' : url.slice(mark + 1))
  if (request.method === 'GET') {
    if (path === '/') return new Response('ok', { headers: textType })
    if (path.startsWith('/users/')) return getUser(path.slice(7), search)
    if (path === '/items') return listItems(search)
    if (path === '/me') return getMe(request)
  } else if (request.method === 'POST' && path === '/items') return postItem(request)
  return send(404, { detail: 'Not Found' })
}

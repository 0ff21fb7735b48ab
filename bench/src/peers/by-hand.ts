/**
 * By hand: `node:http` with hand-written routing, validation and serialisation, and `jose` for the
 * JWT — the reference every framework is compared with (the 0.8× target).
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import { jwtVerify } from 'jose'
import { jwtKey, limitOf, listCatalog, userIdOf, validateItem } from './by-hand-checks.ts'
import { meView } from './shared.ts'

const jsonType = { 'content-type': 'application/json' }

function send(res: ServerResponse, status: number, body: unknown) {
  res.writeHead(status, jsonType).end(JSON.stringify(body))
}

function invalid(res: ServerResponse, loc: (string | number)[], msg: string) {
  send(res, 422, { detail: [{ loc, msg }] })
}

function getUser(res: ServerResponse, idText: string, search: URLSearchParams) {
  const id = userIdOf(idText)
  if (id === undefined) return invalid(res, ['path', 'id'], 'expected an integer 1..1e9')
  const fields = search.get('fields')
  send(res, 200, { id, name: `user${id}`, fields: fields === null ? undefined : fields.split(',') })
}

function postItem(req: IncomingMessage, res: ServerResponse) {
  const chunks: Buffer[] = []
  req.on('data', (chunk: Buffer) => chunks.push(chunk))
  req.on('end', () => {
    let body: unknown
    try {
      body = JSON.parse(Buffer.concat(chunks).toString('utf8'))
    } catch {
      return invalid(res, ['body'], 'invalid JSON')
    }
    const item = validateItem(body)
    if (typeof item === 'string') return invalid(res, ['body', item], 'invalid value')
    send(res, 201, item)
  })
}

function listItems(res: ServerResponse, search: URLSearchParams) {
  const limit = limitOf(search.get('limit'))
  if (limit === undefined) return invalid(res, ['query', 'limit'], 'expected 1..100')
  send(res, 200, listCatalog(limit))
}

async function getMe(req: IncomingMessage, res: ServerResponse) {
  const header = req.headers.authorization
  if (!header?.startsWith('Bearer ')) return send(res, 401, { detail: 'Not authenticated' })
  try {
    const { payload } = await jwtVerify(header.slice(7), jwtKey, { algorithms: ['HS256'] })
    send(res, 200, meView(payload))
  } catch {
    send(res, 401, { detail: 'Invalid token' })
  }
}

function route(req: IncomingMessage, res: ServerResponse) {
  const url = req.url ?? '/'
  const mark = url.indexOf('?')
  const path = mark === -1 ? url : url.slice(0, mark)
  const search = new URLSearchParams(mark === -1 ? '' : url.slice(mark + 1))
  if (req.method === 'GET') {
    if (path === '/') return res.writeHead(200, { 'content-type': 'text/plain' }).end('ok')
    if (path.startsWith('/users/')) return getUser(res, path.slice(7), search)
    if (path === '/items') return listItems(res, search)
    if (path === '/me') return void getMe(req, res)
  } else if (req.method === 'POST' && path === '/items') return postItem(req, res)
  send(res, 404, { detail: 'Not Found' })
}

export function listen(port: number, hostname: string): Promise<void> {
  return new Promise((resolve) => createServer(route).listen(port, hostname, resolve))
}

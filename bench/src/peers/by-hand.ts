/**
 * By hand: `node:http` with hand-written routing, validation and serialisation, and `jose` for the
 * JWT — the reference every framework is compared with (the 0.8× target).
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import { jwtVerify } from 'jose'
import { catalog, defaultLimit, jwtSecret, maxLimit, meView } from './shared.ts'

const jsonType = { 'content-type': 'application/json' }
const key = await crypto.subtle.importKey(
  'raw',
  new TextEncoder().encode(jwtSecret),
  { name: 'HMAC', hash: 'SHA-256' },
  false,
  ['verify'],
)
const digits = /^[0-9]{1,10}$/

function send(res: ServerResponse, status: number, body: unknown) {
  res.writeHead(status, jsonType).end(JSON.stringify(body))
}

function invalid(res: ServerResponse, loc: (string | number)[], msg: string) {
  send(res, 422, { detail: [{ loc, msg }] })
}

function getUser(res: ServerResponse, idText: string, search: URLSearchParams) {
  const id = digits.test(idText) ? Number(idText) : Number.NaN
  if (!(id >= 1 && id <= 1e9)) return invalid(res, ['path', 'id'], 'expected an integer 1..1e9')
  const fields = search.get('fields')
  send(res, 200, { id, name: `user${id}`, fields: fields === null ? undefined : fields.split(',') })
}

const isString = (value: unknown) => typeof value === 'string'
// JSON.parse never yields NaN or Infinity.
const isNumber = (value: unknown): value is number => typeof value === 'number'

// Returns the declared fields only (dropping `description`), or the first problem.
function validateItem(body: any): object | string {
  if (typeof body !== 'object' || body === null) return 'body: expected an object'
  const { name, price, tags, dimensions: dim, variants } = body
  if (!isString(name) || name.length < 1 || name.length > 100) return 'name'
  if (!isNumber(price) || price < 0) return 'price'
  if (!Array.isArray(tags) || tags.length > 20 || !tags.every(isString)) return 'tags'
  if (typeof dim !== 'object' || dim === null) return 'dimensions'
  if (!isNumber(dim.w) || !isNumber(dim.h) || !isNumber(dim.d)) return 'dimensions'
  if (!Array.isArray(variants)) return 'variants'
  const cleanVariants = []
  for (const variant of variants) {
    const { sku, stock } = variant ?? {}
    if (!isString(sku) || sku.length < 1 || sku.length > 40) return 'variants.sku'
    if (!Number.isInteger(stock) || stock < 0) return 'variants.stock'
    cleanVariants.push({ sku, stock })
  }
  const dimensions = { w: dim.w, h: dim.h, d: dim.d }
  return { id: 1, name, price, tags, dimensions, variants: cleanVariants }
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
  const text = search.get('limit')
  const limit = text === null ? defaultLimit : digits.test(text) ? Number(text) : 0
  if (limit < 1 || limit > maxLimit) return invalid(res, ['query', 'limit'], 'expected 1..100')
  const items = []
  for (let i = 0; i < limit; i++) {
    const { id, name, price, in_stock } = catalog[i]!
    items.push({ id, name, price, in_stock })
  }
  send(res, 200, items)
}

async function getMe(req: IncomingMessage, res: ServerResponse) {
  const header = req.headers.authorization
  if (!header?.startsWith('Bearer ')) return send(res, 401, { detail: 'Not authenticated' })
  try {
    const { payload } = await jwtVerify(header.slice(7), key, { algorithms: ['HS256'] })
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

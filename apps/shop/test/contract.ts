/**
 * The shop's HTTP contract, written once against a target (`fetch`), run in-process and against
 * the shop served by Node, Bun, Deno and workerd (D1). Every case makes its own users, so cases
 * share one server and may run in any order.
 */
import { expect } from 'vitest'

export interface ShopTarget {
  /** Sends a request to the served shop (any origin; the path is what counts). */
  fetch(request: Request): Promise<Response>
  /** The operators' key the target was started with. */
  readonly adminKey: string
  /** Why the events case cannot run here, if it cannot. */
  readonly skipEvents?: string
}

export interface ShopCase {
  readonly name: string
  run(target: ShopTarget): Promise<void>
}

const ORIGIN = 'http://shop.test'
let counter = 0
/** A username no other case (or earlier run on the same file) has used. */
export const uniqueName = (prefix: string) =>
  `${prefix}_${Date.now().toString(36)}_${(counter++).toString(36)}`.slice(0, 32)

export function call(target: ShopTarget, path: string, init: RequestInit = {}) {
  return target.fetch(new Request(ORIGIN + path, init))
}

const json = (body: unknown, headers: Record<string, string> = {}, method = 'POST') => ({
  method,
  headers: { 'content-type': 'application/json', ...headers },
  body: JSON.stringify(body),
})

async function expectJson(response: Response, status: number, body?: unknown) {
  const text = await response.text()
  expect(response.status, text).toBe(status)
  expect(response.headers.get('content-type')).toMatch(/^application\/json/)
  const parsed = JSON.parse(text) as unknown
  if (body !== undefined) expect(parsed).toEqual(body)
  return parsed as any
}

export async function signUp(target: ShopTarget, prefix = 'user') {
  const username = uniqueName(prefix)
  const password = 'correct horse battery'
  const created = await expectJson(
    await call(
      target,
      '/users',
      json({ username, email: `${username}@example.com`, password, full_name: 'Test User' }),
    ),
    201,
  )
  return { id: created.id as number, username, password }
}

export async function login(
  target: ShopTarget,
  username: string,
  password: string,
  scope = 'items:write',
) {
  return call(target, '/auth/token', {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ grant_type: 'password', username, password, scope }),
  })
}

/** A signed-up user and the bearer header of their token (scope `items:write` unless told). */
export async function signedIn(target: ShopTarget, prefix = 'user', scope = 'items:write') {
  const user = await signUp(target, prefix)
  const body = await expectJson(await login(target, user.username, user.password, scope), 200)
  return { ...user, auth: { authorization: `Bearer ${body.access_token as string}` } }
}

async function createItem(target: ShopTarget, auth: Record<string, string>, item: object) {
  return expectJson(await call(target, '/items', json(item, auth)), 201)
}

const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 1, 2, 3])

function imageForm(bytes: Uint8Array, filename: string, type: string) {
  const form = new FormData()
  form.append('file', new File([bytes as Uint8Array<ArrayBuffer>], filename, { type }))
  return form
}

export const shopCases: ShopCase[] = [
  {
    name: 'health answers ok after a database round trip',
    run: async (target) => {
      await expectJson(await call(target, '/health'), 200, { status: 'ok' })
    },
  },
  {
    name: 'sign-up answers 201 without the password, and 409 for a taken username or email',
    run: async (target) => {
      const username = uniqueName('ada')
      const body = { username, email: `${username}@example.com`, password: 'lovelace-1815' }
      const created = await expectJson(await call(target, '/users', json(body)), 201)
      expect(created).toEqual({
        id: expect.any(Number),
        username,
        email: body.email,
        full_name: null,
        scopes: ['items:write'],
        is_admin: false,
      })
      await expectJson(
        await call(target, '/users', json({ ...body, email: 'other@example.com' })),
        409,
        {
          detail: 'A user with this username already exists',
        },
      )
      await expectJson(
        await call(target, '/users', json({ ...body, username: uniqueName('other') })),
        409,
        { detail: 'A user with this email already exists' },
      )
    },
  },
  {
    name: 'sign-up refuses a bad username, email and password in one 422 naming each',
    run: async (target) => {
      const refused = await expectJson(
        await call(
          target,
          '/users',
          json({ username: 'No Caps', email: 'nope', password: 'short' }),
        ),
        422,
      )
      expect(refused.detail.map((issue: { loc: unknown[] }) => issue.loc)).toEqual([
        ['body', 'username'],
        ['body', 'email'],
        ['body', 'password'],
      ])
    },
  },
  {
    name: 'the token endpoint answers a token, or 401 with a Bearer challenge for bad credentials',
    run: async (target) => {
      const user = await signUp(target, 'login')
      const good = await expectJson(await login(target, user.username, user.password), 200)
      expect(good).toEqual({
        access_token: expect.any(String),
        token_type: 'Bearer',
        expires_in: 1800,
        scope: 'items:write',
      })
      for (const [username, password] of [
        [user.username, 'wrong password'],
        [uniqueName('nobody'), 'whatever-password'],
      ] as const) {
        const bad = await login(target, username, password)
        expect(bad.headers.get('www-authenticate')).toBe('Bearer')
        await expectJson(bad, 401, { detail: 'Incorrect username or password' })
      }
    },
  },
  {
    name: 'GET /users/me answers the signed-in user with scopes; 401 without a token',
    run: async (target) => {
      const user = await signedIn(target, 'me')
      const me = await expectJson(await call(target, '/users/me', { headers: user.auth }), 200)
      expect(me).toMatchObject({ username: user.username, scopes: ['items:write'] })
      expect(me).not.toHaveProperty('password_hash')
      const anonymous = await call(target, '/users/me')
      expect(anonymous.headers.get('www-authenticate')).toBe('Bearer')
      await expectJson(anonymous, 401, { detail: 'Not authenticated' })
    },
  },
  {
    name: 'creating an item needs a token (401) with the items:write scope (403), then answers 201',
    run: async (target) => {
      const item = { name: 'Lamp', price: 12.5, tags: ['home', 'light', 'home'] }
      await expectJson(await call(target, '/items', json(item)), 401, {
        detail: 'Not authenticated',
      })
      const reader = await signedIn(target, 'reader', '')
      await expectJson(await call(target, '/items', json(item, reader.auth)), 403, {
        detail: 'Not enough permissions',
      })
      const writer = await signedIn(target, 'writer')
      const created = await createItem(target, writer.auth, item)
      expect(created).toEqual({
        id: expect.any(Number),
        name: 'Lamp',
        description: null,
        price: 12.5,
        tax: null,
        tags: ['home', 'light'],
        owner: writer.username,
      })
      await expectJson(await call(target, `/items/${created.id}`), 200, created)
    },
  },
  {
    name: 'a bad item is a 422 naming each field; a missing one is a 404 with its detail',
    run: async (target) => {
      const writer = await signedIn(target, 'bad')
      const refused = await expectJson(
        await call(
          target,
          '/items',
          json(
            { name: '', price: 0, tax: -1, tags: Array.from({ length: 21 }, (_, i) => `t${i}`) },
            writer.auth,
          ),
        ),
        422,
      )
      expect(refused.detail.map((issue: { loc: unknown[] }) => issue.loc)).toEqual([
        ['body', 'name'],
        ['body', 'price'],
        ['body', 'tax'],
        ['body', 'tags'],
      ])
      await expectJson(await call(target, '/items/999999999'), 404, { detail: 'Item not found' })
      const badId = await expectJson(await call(target, '/items/zero'), 422)
      expect(badId.detail[0].loc).toEqual(['path', 'item_id'])
    },
  },
  {
    name: 'the item list pages, searches and filters by every given tag, with the total',
    run: async (target) => {
      const writer = await signedIn(target, 'lister')
      const marker = uniqueName('m').replace(/_/g, '')
      for (const [name, tags] of [
        [`${marker} red chair`, ['red', marker]],
        [`${marker} red table`, ['red', 'wood', marker]],
        [`${marker} blue chair`, ['blue', marker]],
      ] as const) {
        await createItem(target, writer.auth, { name, price: 10, tags })
      }
      const all = await expectJson(await call(target, `/items?tag=${marker}&limit=2`), 200)
      expect(all.total).toBe(3)
      expect(all.items.map((item: { name: string }) => item.name)).toEqual([
        `${marker} red chair`,
        `${marker} red table`,
      ])
      const rest = await expectJson(await call(target, `/items?tag=${marker}&skip=2`), 200)
      expect(rest.items.map((item: { name: string }) => item.name)).toEqual([
        `${marker} blue chair`,
      ])
      const both = await expectJson(
        await call(target, `/items?tag=${marker}&tag=red&tag=wood`),
        200,
      )
      expect(both.total).toBe(1)
      const search = await expectJson(await call(target, `/items?q=${marker}%20RED`), 200)
      expect(search.total).toBe(2)
      const tooMany = await expectJson(await call(target, '/items?limit=101'), 422)
      expect(tooMany.detail[0].loc).toEqual(['query', 'limit'])
    },
  },
  {
    name: 'PUT, PATCH and DELETE are for the owner or an admin; anyone else gets 403',
    run: async (target) => {
      const owner = await signedIn(target, 'owner')
      const other = await signedIn(target, 'other')
      const item = await createItem(target, owner.auth, {
        name: 'Desk',
        price: 100,
        tags: ['wood'],
      })
      const path = `/items/${item.id}`
      await expectJson(await call(target, path, json({ price: 1 }, other.auth, 'PATCH')), 403, {
        detail: 'Not enough permissions',
      })
      const patched = await expectJson(
        await call(target, path, json({ price: 90, tags: ['oak'] }, owner.auth, 'PATCH')),
        200,
      )
      expect(patched).toMatchObject({ name: 'Desk', price: 90, tags: ['oak'] })
      const replaced = await expectJson(
        await call(target, path, json({ name: 'Standing desk', price: 300 }, owner.auth, 'PUT')),
        200,
      )
      expect(replaced).toMatchObject({ name: 'Standing desk', price: 300, tags: [], tax: null })
      // An operator makes `other` an admin: now they may change anyone's item.
      await expectJson(
        await call(target, `/admin/users/${other.username}/admin`, {
          method: 'POST',
          headers: { 'x-api-key': target.adminKey },
        }),
        200,
      )
      expect((await call(target, path, json({ price: 5 }, other.auth, 'PATCH'))).status).toBe(200)
      const removed = await call(target, path, { method: 'DELETE', headers: other.auth })
      expect(removed.status).toBe(204)
      await expectJson(await call(target, path), 404, { detail: 'Item not found' })
      await expectJson(await call(target, path, { method: 'DELETE', headers: owner.auth }), 404, {
        detail: 'Item not found',
      })
    },
  },
  {
    name: 'an image is a PNG or JPEG by its bytes, at most 1 MiB, served back with its type',
    run: async (target) => {
      const owner = await signedIn(target, 'pics')
      const item = await createItem(target, owner.auth, { name: 'Vase', price: 20 })
      const path = `/items/${item.id}/image`
      const upload = (form: FormData, headers = owner.auth) =>
        call(target, path, { method: 'POST', headers, body: form })
      await expectJson(await upload(imageForm(PNG, '../../etc/passwd', 'image/png')), 201, {
        filename: `item-${item.id}.png`,
        content_type: 'image/png',
        size: PNG.byteLength,
      })
      const served = await call(target, path)
      expect(served.status).toBe(200)
      expect(served.headers.get('content-type')).toBe('image/png')
      expect(new Uint8Array(await served.arrayBuffer())).toEqual(PNG)
      const text = new TextEncoder().encode('<svg onload="alert(1)"></svg>')
      await expectJson(await upload(imageForm(text, 'x.png', 'image/png')), 415, {
        detail: 'Only PNG and JPEG images are accepted',
      })
      const big = new Uint8Array(1_048_577)
      big.set(PNG)
      expect((await upload(imageForm(big, 'big.png', 'image/png'))).status).toBe(413)
      const huge = new Uint8Array(2_000_000)
      expect((await upload(imageForm(huge, 'huge.png', 'image/png'))).status).toBe(413)
      const other = await signedIn(target, 'notowner')
      expect((await upload(imageForm(PNG, 'a.png', 'image/png'), other.auth)).status).toBe(403)
      await expectJson(await call(target, `/items/999999999/image`), 404, {
        detail: 'Image not found',
      })
    },
  },
  {
    name: 'admin routes need the X-API-Key; stats count users and items',
    run: async (target) => {
      await expectJson(await call(target, '/admin/stats'), 401, { detail: 'Not authenticated' })
      const wrong = { 'x-api-key': 'not-the-operators-key' }
      expect((await call(target, '/admin/stats', { headers: wrong })).status).toBe(401)
      const user = await signedIn(target, 'stats')
      expect((await call(target, '/admin/stats', { headers: user.auth })).status).toBe(401)
      const stats = await expectJson(
        await call(target, '/admin/stats', { headers: { 'x-api-key': target.adminKey } }),
        200,
      )
      expect(stats).toEqual({ users: expect.any(Number), items: expect.any(Number) })
      expect(stats.users).toBeGreaterThan(0)
    },
  },
  {
    name: 'deleting a user deletes their items too, in one transaction',
    run: async (target) => {
      const user = await signedIn(target, 'leaver')
      const item = await createItem(target, user.auth, {
        name: 'Old chair',
        price: 3,
        tags: ['old'],
      })
      const key = { 'x-api-key': target.adminKey }
      const removed = await call(target, `/admin/users/${user.username}`, {
        method: 'DELETE',
        headers: key,
      })
      expect(removed.status).toBe(204)
      await expectJson(await call(target, `/items/${item.id}`), 404, { detail: 'Item not found' })
      // Their token now names nobody.
      expect((await call(target, '/users/me', { headers: user.auth })).status).toBe(401)
      expect(
        (await call(target, `/admin/users/${user.username}`, { method: 'DELETE', headers: key }))
          .status,
      ).toBe(404)
    },
  },
  {
    name: 'GET /items/events streams an event for each item created while connected',
    run: async (target) => {
      if (target.skipEvents) return
      const writer = await signedIn(target, 'feed')
      const abort = new AbortController()
      const stream = await call(target, '/items/events', { signal: abort.signal })
      expect(stream.status).toBe(200)
      expect(stream.headers.get('content-type')).toMatch(/^text\/event-stream/)
      const reader = stream.body!.pipeThrough(new TextDecoderStream()).getReader()
      let received = ''
      const until = async (text: string) => {
        while (!received.includes(text)) {
          const { value, done } = await reader.read()
          if (done) throw new Error(`stream ended before ${text}: ${received}`)
          received += value
        }
      }
      await until('event: ready')
      const item = await createItem(target, writer.auth, { name: 'Live lamp', price: 7 })
      await until(`id: ${item.id}\n`)
      const block = received.split('\n\n').find((event) => event.includes(`id: ${item.id}\n`))!
      expect(block).toContain('event: item_created')
      const data = block.split('\n').find((line) => line.startsWith('data: '))!
      expect(JSON.parse(data.slice('data: '.length))).toEqual(item)
      await reader.cancel()
      abort.abort()
    },
  },
  {
    name: 'odd and hostile inputs are each a 4xx with a JSON detail, never a 500',
    run: async (target) => {
      const writer = await signedIn(target, 'odd')
      const item = await createItem(target, writer.auth, { name: 'Odd', price: 1 })
      const post = (path: string, body: string, type = 'application/json') =>
        call(target, path, {
          method: 'POST',
          headers: { ...writer.auth, 'content-type': type },
          body,
        })
      const attempts: [string, Promise<Response>, number][] = [
        ['price 1e999', post('/items', '{"name":"x","price":1e999}'), 422],
        [
          'a 31-character tag',
          post('/items', JSON.stringify({ name: 'x', price: 1, tags: ['t'.repeat(31)] })),
          422,
        ],
        ['a JSON array body', post('/items', '[]'), 422],
        ['malformed JSON', post('/items', '{"name":'), 422],
        ['a text body', post('/items', 'name=x', 'text/plain'), 415],
        ['an empty JSON body', post('/items', ''), 422],
        [
          '__proto__ keys',
          post('/items', '{"name":"x","price":1,"__proto__":{"admin":true}}'),
          201,
        ],
        ['a negative skip', call(target, '/items?skip=-1'), 422],
        ['a huge item id', call(target, '/items/99999999999999999999999'), 422],
        ['a bad percent-escape', call(target, '/items/%E0%A4%A'), 400],
        [
          'an image without a file',
          call(target, `/items/${item.id}/image`, {
            method: 'POST',
            headers: writer.auth,
            body: new FormData(),
          }),
          422,
        ],
        ['an image as JSON', post(`/items/${item.id}/image`, '{"file":"x"}'), 415],
        [
          'a PATCH setting name to null',
          call(target, `/items/${item.id}`, json({ name: null }, writer.auth, 'PATCH')),
          422,
        ],
        ['a token request as JSON', post('/auth/token', '{"username":"a","password":"b"}'), 400],
        [
          'a malformed bearer token',
          call(target, '/users/me', { headers: { authorization: 'Bearer not.a.jwt' } }),
          401,
        ],
      ]
      for (const [what, pending, status] of attempts) {
        const response = await pending
        const text = await response.text()
        expect(response.status, `${what}: ${text}`).toBe(status)
        expect(response.headers.get('content-type'), what).toMatch(/^application\/json/)
        expect(text, what).not.toMatch(/\bat .*\.(ts|js):\d+/) // no stack trace
      }
    },
  },
  {
    name: 'the OpenAPI document lists every operation and the two security schemes',
    run: async (target) => {
      const document = await expectJson(await call(target, '/openapi.json'), 200)
      expect(Object.keys(document.paths).sort()).toEqual([
        '/admin/stats',
        '/admin/users/{username}',
        '/admin/users/{username}/admin',
        '/auth/token',
        '/health',
        '/items',
        '/items/events',
        '/items/{item_id}',
        '/items/{item_id}/image',
        '/users',
        '/users/me',
      ])
      expect(Object.keys(document.components.securitySchemes).sort()).toEqual([
        'AdminKey',
        'OAuth2',
      ])
    },
  },
]

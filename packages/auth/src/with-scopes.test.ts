/** FastAPI's "OAuth2 scopes" tutorial, ported: `withScopes` + `securityScopes` in your own user check. */
import { createDocument } from '@brisk/openapi'
import { createApp, dependency, fresh, get, HTTPException, post } from '@brisk/router'
import * as v from 'valibot'
import { describe, expect, it, vi } from 'vitest'
import { oauth2Bearer } from './oauth2-bearer.ts'
import { securityScopes } from './security-scopes.ts'
import { withScopes } from './with-scopes.ts'

/** Tokens stand for users with the scopes they were granted (the tutorial decodes a JWT). */
const GRANTS: Record<string, readonly string[]> = {
  'tok-none': [],
  'tok-me': ['me'],
  'tok-all': ['me', 'items'],
}

function tutorial() {
  const token = oauth2Bearer({
    tokenUrl: '/token',
    scopes: { me: 'Read information about the current user.', items: 'Read items.' },
  })
  const lookups = vi.fn()
  const currentUser = dependency(
    { name: 'currentUser', uses: { token, required: securityScopes } },
    ({ token, required }) => {
      lookups(required.scopes)
      const challenge =
        required.scopes.length > 0 ? `Bearer scope="${required.scopeStr}"` : 'Bearer'
      const granted = Object.hasOwn(GRANTS, token) ? GRANTS[token] : undefined
      if (granted === undefined) {
        throw new HTTPException(401, 'Could not validate credentials', {
          'www-authenticate': challenge,
        })
      }
      for (const scope of required.scopes) {
        if (!granted.includes(scope)) {
          throw new HTTPException(401, 'Not enough permissions', { 'www-authenticate': challenge })
        }
      }
      return { name: 'alice', required: required.scopes }
    },
  )
  const activeUser = dependency(
    { name: 'activeUser', uses: { user: withScopes(currentUser, ['me']) } },
    ({ user }) => user,
  )
  const app = createApp({
    routes: [
      get('/users/me', { deps: { user: activeUser } }, ({ deps }) => deps.user),
      get('/users/me/items', { deps: { user: withScopes(activeUser, ['items']) } }, ({ deps }) => ({
        owner: deps.user.name,
        required: deps.user.required,
      })),
      get('/status', { deps: { user: currentUser } }, ({ deps }) => deps.user),
    ],
  })
  return { app, token, currentUser, activeUser, lookups }
}

const as = (token: string) => ({ headers: { authorization: `Bearer ${token}` } })

describe('withScopes and securityScopes (Security(…, scopes) and SecurityScopes)', () => {
  it('gives each dependency the scopes required along its chain, outer first', async () => {
    const { app } = tutorial()
    const me = await app.request('/users/me', as('tok-me'))
    expect(await me.json()).toEqual({ name: 'alice', required: ['me'] })
    const items = await app.request('/users/me/items', as('tok-all'))
    expect(await items.json()).toEqual({ owner: 'alice', required: ['items', 'me'] })
    const status = await app.request('/status', as('tok-none'))
    expect(await status.json()).toEqual({ name: 'alice', required: [] })
  })

  it('lets the dependency build WWW-Authenticate: Bearer scope="…" from them', async () => {
    const { app } = tutorial()
    const lacking = await app.request('/users/me/items', as('tok-me'))
    expect(lacking.status).toBe(401)
    expect(lacking.headers.get('www-authenticate')).toBe('Bearer scope="items me"')
    expect(await lacking.json()).toEqual({ detail: 'Not enough permissions' })
    const unknown = await app.request('/users/me', as('forged'))
    expect(unknown.status).toBe(401)
    expect(unknown.headers.get('www-authenticate')).toBe('Bearer scope="me"')
    const bare = await app.request('/status', as('forged'))
    expect(bare.headers.get('www-authenticate')).toBe('Bearer')
  })

  it('documents the scopes on each operation, as FastAPI does', () => {
    const { app } = tutorial()
    const document = createDocument(app, { info: { title: 't', version: '1' } })
    const security = (path: string) => document.paths[path]!.get!.security
    expect(security('/users/me')).toEqual([{ OAuth2PasswordBearer: ['me'] }])
    expect(security('/users/me/items')).toEqual([{ OAuth2PasswordBearer: ['items', 'me'] }])
    expect(security('/status')).toEqual([{ OAuth2PasswordBearer: [] }])
  })

  it('runs a dependency once per request for each set of scopes required of it', async () => {
    const { currentUser, activeUser, lookups } = tutorial()
    // fresh() is kept inside a scoped chain: that use runs again, with the same scopes.
    const pair = dependency({ uses: { a: currentUser, b: fresh(currentUser) } }, ({ a, b }) => [
      a.required,
      b.required,
    ])
    const app = createApp({
      routes: [
        get(
          '/twice',
          {
            deps: { active: activeUser, user: withScopes(currentUser, ['me']), plain: currentUser },
          },
          ({ deps }) => [deps.active.required, deps.user.required, deps.plain.required],
        ),
        get('/fresh', { deps: { both: withScopes(pair, ['items']) } }, ({ deps }) => deps.both),
      ],
    })
    const response = await app.request('/twice', as('tok-me'))
    expect(await response.json()).toEqual([['me'], ['me'], []])
    expect(lookups.mock.calls).toEqual([[['me']], [[]]])
    lookups.mockClear()
    const both = await app.request('/fresh', as('tok-all'))
    expect(await both.json()).toEqual([['items'], ['items']])
    expect(lookups.mock.calls).toEqual([[['items']], [['items']]])
  })

  it('replaces every scoped use when the dependency is overridden', async () => {
    const { app, currentUser } = tutorial()
    app.override(
      currentUser,
      dependency(() => ({ name: 'fake', required: ['overridden'] })),
    )
    const items = await app.request('/users/me/items')
    expect(await items.json()).toEqual({ owner: 'fake', required: ['overridden'] })
    expect(await (await app.request('/status')).json()).toEqual({
      name: 'fake',
      required: ['overridden'],
    })
  })

  it('can guard a route in its security stage: 401 before the body is validated', async () => {
    const { currentUser } = tutorial()
    const app = createApp({
      routes: [
        post(
          '/items',
          { security: [withScopes(currentUser, ['items'])], body: v.object({ name: v.string() }) },
          ({ body }) => body,
        ),
      ],
    })
    const init = { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' }
    const refused = await app.request('/items', {
      ...init,
      headers: { ...init.headers, ...as('tok-me').headers },
    })
    expect(refused.status).toBe(401)
    expect(refused.headers.get('www-authenticate')).toBe('Bearer scope="items"')
    const invalid = await app.request('/items', {
      ...init,
      headers: { ...init.headers, ...as('tok-all').headers },
    })
    expect(invalid.status).toBe(422)
  })

  it('tears a scoped generator dependency down once, after the response', async () => {
    const events: string[] = []
    const session = dependency(
      { uses: { required: securityScopes } },
      async function* session({ required }) {
        events.push(`open ${required.scopeStr}`)
        try {
          yield required.scopes
        } finally {
          events.push('close')
        }
      },
    )
    const app = createApp({
      routes: [
        get('/s', { deps: { scopes: withScopes(session, ['a', 'b']) } }, ({ deps }) => deps.scopes),
      ],
    })
    expect(await (await app.request('/s')).json()).toEqual(['a', 'b'])
    expect(events).toEqual(['open a b', 'close'])
  })

  it('adds scopes of an enclosing withScopes before its own, each once', async () => {
    const seen = dependency({ uses: { required: securityScopes } }, ({ required }) => required)
    const app = createApp({
      routes: [
        get(
          '/x',
          { deps: { s: withScopes(withScopes(seen, ['b', 'a']), ['c', 'a']) } },
          ({ deps }) => deps.s,
        ),
      ],
    })
    expect(await (await app.request('/x')).json()).toEqual({
      scopes: ['c', 'a', 'b'],
      scopeStr: 'c a b',
    })
  })

  it('refuses at creation what cannot work', () => {
    const { currentUser, token } = tutorial()
    const unread = dependency({ name: 'unread', uses: { token } }, ({ token }) => token)
    expect(() => withScopes(unread, ['me'])).toThrow(
      "withScopes('unread'): neither it nor a dependency it uses reads 'securityScopes'",
    )
    expect(() => withScopes(token, ['me'])).toThrow(/reads 'securityScopes'/)
    expect(() => withScopes(currentUser, ['admin'])).toThrow(
      "withScopes('currentUser'): scope(s) 'admin' not declared in the scopes of 'OAuth2PasswordBearer'",
    )
    expect(() => withScopes(currentUser, ['two words'])).toThrow(/not a valid scope/)
    expect(() => withScopes({} as never, ['me'])).toThrow('withScopes: expected a dependency')
    const appScoped = dependency({ scope: 'app' }, () => 1)
    expect(() => withScopes(appScoped, ['me'])).toThrow(/reads 'securityScopes'/)
    expect(withScopes(currentUser, [])).toBe(currentUser)
  })
})

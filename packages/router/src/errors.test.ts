import { HTTPException as HonoHTTPException } from 'hono/http-exception'
import { describe, expect, it, vi } from 'vitest'
import { createApp } from './create-app.ts'
import { exceptionHandler } from './exception-handler.ts'
import { HTTPException } from './http-exception.ts'
import { get } from './route.ts'

class DomainError extends Error {}
class MissingThing extends DomainError {}

describe('errors', () => {
  it('renders HTTPException as {"detail"} with its status and headers', async () => {
    const app = createApp({
      routes: [
        get('/x', () => {
          throw new HTTPException(403, 'Nope', { 'www-authenticate': 'Bearer' })
        }),
      ],
    })
    const res = await app.request('/x')
    expect(res.status).toBe(403)
    expect(res.headers.get('www-authenticate')).toBe('Bearer')
    expect(await res.json()).toEqual({ detail: 'Nope' })
  })

  it('uses the reason phrase when an HTTPException has no detail, and keeps structured details', async () => {
    const app = createApp({
      routes: [
        get('/plain', async () => {
          throw new HTTPException(404)
        }),
        get('/rich', () => {
          throw new HTTPException(409, { code: 'taken' })
        }),
      ],
    })
    expect(await (await app.request('/plain')).json()).toEqual({ detail: 'Not Found' })
    expect(await (await app.request('/rich')).json()).toEqual({ detail: { code: 'taken' } })
  })

  it('renders Hono HTTPExceptions thrown by Hono middleware', async () => {
    const app = createApp({
      routes: [
        get('/h', () => {
          throw new HonoHTTPException(401, { message: 'who?' })
        }),
      ],
    })
    const res = await app.request('/h')
    expect(res.status).toBe(401)
    expect(await res.text()).toBe('who?')
  })

  it('picks the most specific registered exception handler', async () => {
    const app = createApp({
      exceptionHandlers: [
        exceptionHandler(DomainError, (_e, c) => c.json({ detail: 'domain' }, 400)),
        exceptionHandler(MissingThing, (e, c) => c.json({ detail: `missing: ${e.message}` }, 404)),
      ],
      routes: [
        get('/missing', () => {
          throw new MissingThing('cup')
        }),
        get('/domain', () => {
          throw new DomainError('x')
        }),
      ],
    })
    expect(await (await app.request('/missing')).json()).toEqual({ detail: 'missing: cup' })
    expect((await app.request('/domain')).status).toBe(400)
  })

  it('hides unexpected errors behind a bare 500 and reports them with the route', async () => {
    const onError = vi.fn()
    const app = createApp({
      onError,
      routes: [
        get('/boom', () => {
          throw new Error('secret database password in message')
        }),
      ],
    })
    const res = await app.request('/boom')
    expect(res.status).toBe(500)
    const text = await res.text()
    expect(text).toBe('{"detail":"Internal Server Error"}')
    expect(onError).toHaveBeenCalledTimes(1)
    expect(onError.mock.calls[0]![1].operation.path).toBe('/boom')
  })

  it('answers 500 when an exception handler itself throws', async () => {
    const onError = vi.fn()
    const app = createApp({
      onError,
      exceptionHandlers: [
        exceptionHandler(DomainError, () => {
          throw new Error('handler broke')
        }),
      ],
      routes: [
        get('/x', () => {
          throw new DomainError('x')
        }),
      ],
    })
    expect((await app.request('/x')).status).toBe(500)
    expect((onError.mock.calls[0]![0] as Error).message).toBe('handler broke')
  })

  it('still answers 500 when the error hook throws', async () => {
    const spy = vi.spyOn(console, 'error').mockImplementation(() => {})
    const app = createApp({
      onError: () => {
        throw new Error('hook broke')
      },
      routes: [
        get('/x', () => {
          throw new Error('x')
        }),
      ],
    })
    expect((await app.request('/x')).status).toBe(500)
    expect(spy).toHaveBeenCalledTimes(1)
    spy.mockRestore()
  })
})

import * as v from 'valibot'
import { describe, expect, it } from 'vitest'
import { createApp } from './create-app.ts'
import { slashRedirect } from './internal/redirect-slashes.ts'
import { get, post } from './route.ts'

const routes = [
  get('/items/{id}', { params: { id: v.number() } }, ({ params }) => params),
  post('/admin/', {}, () => 'made'),
  get('/files/{rest:path}', { params: { rest: v.string() } }, ({ params }) => params),
]

describe('redirectSlashes', () => {
  const app = createApp({ routes })

  it('answers 307 to the path with its trailing slash removed, query kept', async () => {
    const response = await app.request('/items/1/?q=a&q=b')
    expect(response.status).toBe(307)
    expect(response.headers.get('location')).toBe('/items/1?q=a&q=b')
    expect(await response.text()).toBe('')
  })

  it('answers 307 to the path with a trailing slash added, for any method', async () => {
    const response = await app.request('/admin', { method: 'POST', body: '{}' })
    expect(response.status).toBe(307)
    expect(response.headers.get('location')).toBe('/admin/')
  })

  it('is 404 when neither spelling matches', async () => {
    expect((await app.request('/nothing/')).status).toBe(404)
    expect((await app.request('/')).status).toBe(404)
  })

  it('never sends a client to another host, whatever the routes match', () => {
    const everything = () => ['GET']
    // `//evil.example/` without its slash would be a protocol-relative Location.
    expect(slashRedirect('http://localhost//evil.example/', everything)).toBeUndefined()
    expect(slashRedirect('http://localhost/a/', everything)?.headers.get('location')).toBe('/a')
  })

  it('is off with redirectSlashes: false', async () => {
    const strict = createApp({ routes, redirectSlashes: false })
    expect((await strict.request('/items/1/')).status).toBe(404)
  })
})

/** The hello app's published document, as clients and Scalar read it. */
import { describe, expect, it } from 'vitest'
import { app } from '../src/app.ts'

interface Document {
  paths: Record<string, Record<string, { requestBody?: { content: Record<string, unknown> } }>>
}

describe('the hello OpenAPI document', () => {
  it('documents the OAuth2 token request as a form (RFC 6749 §4.3), the only encoding it accepts', async () => {
    const document = (await (await app.request('/openapi.json')).json()) as Document
    const body = document.paths['/token']!.post!.requestBody!
    expect(Object.keys(body.content)).toEqual(['application/x-www-form-urlencoded'])

    // And the route does refuse anything else, JSON included.
    const json = await app.request('/token', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ grant_type: 'password', username: 'alice', password: 'wonderland' }),
    })
    expect(json.status).toBe(400)
    const form = await app.request('/token', {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({
        grant_type: 'password',
        username: 'alice',
        password: 'wonderland',
      }),
    })
    expect(form.status).toBe(200)
    expect(await form.json()).toMatchObject({
      access_token: expect.any(String),
      token_type: 'Bearer',
    })
  })
})

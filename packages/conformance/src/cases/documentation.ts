/** Cases for the OpenAPI document and docs page: the same on every runtime. */
import { expect } from 'vitest'
import { docsScript } from '../fixture/docs.ts'
import { fixtureDocument } from '../fixture.ts'
import type { Case } from '../target.ts'
import { call } from './http.ts'

export const documentationCases: Case[] = [
  {
    name: '/openapi.json is the same document the fixture generates in-process',
    run: async (target) => {
      const response = await call(target, '/openapi.json')
      expect(response.status).toBe(200)
      expect(response.headers.get('content-type')).toBe('application/json; charset=utf-8')
      expect(await response.json()).toEqual(JSON.parse(JSON.stringify(fixtureDocument())))
    },
  },
  {
    name: '/docs serves the API reference page and its script',
    run: async (target) => {
      const page = await call(target, '/docs')
      expect(page.status).toBe(200)
      expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8')
      const html = await page.text()
      expect(html).toContain('<title>Conformance</title>')
      expect(html).toContain('src="/docs/scalar.js"')
      const script = await call(target, '/docs/scalar.js')
      expect(script.status).toBe(200)
      expect(await script.text()).toBe(docsScript)
    },
  },
]

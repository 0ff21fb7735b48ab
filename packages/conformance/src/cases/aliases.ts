/**
 * Cases for aliased fields (the wire name differs from the handler's key) and header names taken
 * literally, over each runtime's own HTTP server: underscores in header names must arrive as sent.
 */
import { createClient } from '@brisk/client'
import { expect } from 'vitest'
import type { app } from '../fixture.ts'
import type { Case } from '../target.ts'
import { call, expectIssues, expectJson, issue, jsonBody } from './http.ts'
import { rawHttp } from './node-raw-http.ts'

interface Operation {
  readonly parameters?: readonly { readonly name: string; readonly in: string }[]
  readonly requestBody?: { readonly content: Record<string, { readonly schema: unknown }> }
}

const form = (body: string): RequestInit => ({
  method: 'POST',
  headers: { 'content-type': 'application/x-www-form-urlencoded' },
  body,
})

export const aliasCases: Case[] = [
  {
    name: 'aliases: query, header and cookie fields are read by their wire names, handed over by key',
    run: async (target) => {
      const response = await call(target, '/aliases/items?item-query=foo', {
        headers: { 'x-token': 't1', cookie: 'session-id=s1' },
      })
      await expectJson(response, 200, {
        query: { q: 'foo' },
        headers: { token: 't1' },
        cookies: { sid: 's1' },
      })
    },
  },
  {
    name: 'aliases: a field is not read by its key, and its issues name the alias',
    run: async (target) => {
      const ignored = await call(target, '/aliases/items?q=foo', {
        headers: { token: 't1', cookie: 'sid=s1' },
      })
      await expectJson(ignored, 200, { query: {}, headers: {}, cookies: {} })
      await expectIssues(await call(target, '/aliases/items?item-query=ab'), [
        issue('string_too_short', ['query', 'item-query'], 'ab'),
      ])
    },
  },
  {
    name: 'aliases: a JSON body is read by wire keys (nested too) and reported under them',
    run: async (target) => {
      const body = { 'item-name': 'a', unit_price: 2, parts: [{ 'part-no': 'p1' }] }
      await expectJson(await call(target, '/aliases/items', jsonBody(body)), 200, {
        itemName: 'a',
        price: 2,
        parts: [{ partNo: 'p1' }],
      })
      const bad = { itemName: 'a', unit_price: -1, parts: [{ partNo: 'p1' }] }
      await expectIssues(await call(target, '/aliases/items', jsonBody(bad)), [
        issue('missing', ['body', 'item-name']),
        issue('greater_than_equal', ['body', 'unit_price'], -1),
        issue('missing', ['body', 'parts', 0, 'part-no']),
      ])
    },
  },
  {
    name: 'aliases: a form field is read by its alias',
    run: async (target) => {
      await expectJson(await call(target, '/aliases/form', form('full-name=Ada')), 200, {
        fullName: 'Ada',
      })
      await expectIssues(await call(target, '/aliases/form', form('fullName=Ada')), [
        issue('missing', ['body', 'full-name'], null),
      ])
    },
  },
  {
    name: 'literal header: alias("strange_header") reads strange_header, never strange-header',
    run: async (target) => {
      const literal = await call(target, '/aliases/items', {
        headers: { strange_header: 'lit', 'plain-header': 'mapped' },
      })
      await expectJson(literal, 200, {
        query: {},
        headers: { strange_header: 'lit', plain_header: 'mapped' },
        cookies: {},
      })
      const mapped = await call(target, '/aliases/items', {
        headers: { 'strange-header': 'dash', plain_header: 'underscore' },
      })
      await expectJson(mapped, 200, { query: {}, headers: {}, cookies: {} })
    },
  },
  {
    name: 'literal header: strange_header is validated and reported under its own name',
    run: async (target) => {
      await expectJson(
        await call(target, '/aliases/strange', { headers: { strange_header: '7' } }),
        200,
        { strange_header: 7 },
      )
      await expectIssues(
        await call(target, '/aliases/strange', { headers: { strange_header: 'x' } }),
        [issue('float_parsing', ['header', 'strange_header'], 'x')],
      )
      await expectIssues(
        await call(target, '/aliases/strange', { headers: { 'strange-header': '7' } }),
        [issue('missing', ['header', 'strange_header'], null)],
      )
    },
  },
  {
    name: 'a loose header object does not fill strange_header from a raw strange_header header',
    run: async (target) => {
      const raw = await call(target, '/aliases/loose-headers', {
        headers: { strange_header: 'raw' },
      })
      await expectJson(raw, 200, { strange_header: null })
      const mapped = await call(target, '/aliases/loose-headers', {
        headers: { 'strange-header': 'mapped' },
      })
      await expectJson(mapped, 200, { strange_header: 'mapped' })
    },
  },
  {
    name: 'raw TCP: header names with underscores reach the app as sent',
    needs: ['rawHttp'],
    run: async (target) => {
      const response = await rawHttp(
        target.baseUrl!,
        [
          'GET /aliases/items HTTP/1.1',
          'Host: brisk.test',
          'Strange_Header: lit',
          'Strange-Header: dash',
          'plain_header: underscore',
          'Connection: close',
        ].join('\r\n'),
      )
      expect(response.status, response.body).toBe(200)
      expect(JSON.parse(response.body)).toEqual({
        query: {},
        headers: { strange_header: 'lit' },
        cookies: {},
      })
    },
  },
  {
    name: 'aliases: the served document names parameters and body properties by wire name',
    run: async (target) => {
      const response = await call(target, '/openapi.json')
      expect(response.status).toBe(200)
      const document = (await response.json()) as {
        paths: Record<string, Record<string, Operation>>
      }
      const names = document.paths['/aliases/items']!.get!.parameters!.map(
        (parameter) => `${parameter.in} ${parameter.name}`,
      )
      expect(names).toEqual([
        'query item-query',
        'header X-Token',
        'header strange_header',
        'header plain-header',
        'cookie session-id',
      ])
      const body = document.paths['/aliases/items']!.post!.requestBody!.content['application/json']
      expect(body!.schema).toMatchObject({
        properties: { 'item-name': {}, unit_price: {}, parts: {} },
        required: ['item-name'],
      })
    },
  },
  {
    name: 'aliases: the typed client sends aliased fields under their aliases',
    run: async (target) => {
      const api = createClient<typeof app>('http://fixture.test', {
        fetch: (request) => target.fetch(request),
      })
      const read = await api['/aliases/items'].get({
        query: { 'item-query': 'foo' },
        headers: { 'X-Token': 't1' },
        cookies: { 'session-id': 's1' },
      })
      expect(read.status).toBe(200)
      expect(read.data).toEqual({
        query: { q: 'foo' },
        headers: { token: 't1' },
        cookies: { sid: 's1' },
      })
      const created = await api['/aliases/items'].post({
        body: { 'item-name': 'a', parts: [{ 'part-no': 'p1' }] },
      })
      expect(created.status).toBe(200)
      expect(created.data).toEqual({ itemName: 'a', parts: [{ partNo: 'p1' }] })
      const form = await api['/aliases/form'].post({ form: { 'full-name': 'Ada' } })
      expect(form.data).toEqual({ fullName: 'Ada' })
    },
  },
]

/**
 * S7/S8's contract, as the bench checks it before measuring: the shop app (Brisk) and the Fastify
 * server, each on its own copy of one seeded database, over real HTTP — same statuses and bodies,
 * the same refusals, and the same SQL statements run for each scenario.
 */
import { copyFile, mkdtemp, rm } from 'node:fs/promises'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { NodeServer } from '@brisk/router/node'
import { app } from '@brisk/shop'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { checkHttpContract } from '../http/contract.ts'
import { serveBriskShop } from '../peers/brisk-shop.ts'
import { createFastifyShop } from '../peers/fastify-shop.ts'
import { shopCases } from './cases.ts'
import { seedShopDatabase } from './seed.ts'
import { seedItems, shopEnvironment } from './settings.ts'

describe('the database scenarios (S7, S8) on Brisk and Fastify', () => {
  let directory = ''
  let brisk: NodeServer | undefined
  let fastify: ReturnType<typeof createFastifyShop> | undefined
  const origins: Record<'Brisk' | 'Fastify', string> = { Brisk: '', Fastify: '' }
  const statements: Record<'Brisk' | 'Fastify', string[]> = { Brisk: [], Fastify: [] }

  beforeAll(async () => {
    for (const [name, value] of Object.entries(shopEnvironment)) vi.stubEnv(name, value)
    directory = await mkdtemp(join(tmpdir(), 'brisk-bench-shop-test-'))
    const template = join(directory, 'template.db')
    await seedShopDatabase(template, seedItems)
    await copyFile(template, join(directory, 'brisk.db'))
    await copyFile(template, join(directory, 'fastify.db'))
    brisk = await serveBriskShop(join(directory, 'brisk.db'), 0, '127.0.0.1', (sql) =>
      statements.Brisk.push(sql),
    )
    origins.Brisk = `http://127.0.0.1:${(brisk.server.address() as AddressInfo).port}`
    fastify = createFastifyShop(join(directory, 'fastify.db'), (sql) =>
      statements.Fastify.push(sql),
    )
    origins.Fastify = await fastify.listen({ port: 0, host: '127.0.0.1' })
  })
  afterAll(async () => {
    await brisk?.close()
    await fastify?.close()
    app.clearOverrides()
    vi.unstubAllEnvs()
    if (directory) await rm(directory, { recursive: true, force: true })
  })

  for (const test of shopCases) {
    for (const name of ['Brisk', 'Fastify'] as const) {
      it(`${name} passes the contract for ${test.scenario} ${test.title}`, async () => {
        expect(await checkHttpContract(origins[name], test)).toEqual([])
      })
    }

    it(`runs the same SQL statements on both for ${test.scenario}`, async () => {
      const run = async (name: 'Brisk' | 'Fastify') => {
        statements[name].length = 0
        const { method, path, headers, body } = test.request
        const response = await fetch(`${origins[name]}${path}`, {
          method,
          ...(headers ? { headers } : {}),
          ...(body === undefined ? {} : { body }),
        })
        expect(response.status).toBe(test.status)
        await response.arrayBuffer()
        return [...statements[name]]
      }
      const briskStatements = await run('Brisk')
      expect(briskStatements.length).toBeGreaterThan(0)
      expect(await run('Fastify')).toEqual(briskStatements)
    })
  }
})

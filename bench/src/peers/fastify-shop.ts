/**
 * S7/S8 on Fastify, doing the shop's work by hand: the same libsql driver and Kysely dialect, the
 * same SQL (the shop's Kysely queries written inline; the contract test checks the statements are
 * the same), JSON Schema equal to the shop's `ItemIn` and `Item`, and `@fastify/jwt` (fast-jwt,
 * `node:crypto` HMAC) checking what the shop's `jwtTokens` checks: HS256 only, `typ`, `iss`, `aud`,
 * `exp` and `sub` present, `exp` within the token lifetime; then scope `items:write` (else 403) and
 * the user, read from the database per request as the shop's `currentUser` does.
 */
import fastifyJwt from '@fastify/jwt'
import Fastify, { type FastifyError, type FastifyRequest } from 'fastify'
import { type CompiledQuery, Kysely, type RawBuilder, sql } from 'kysely'
import { shopDialect } from '../shop/database.ts'
import { databasePath } from '../shop/files.ts'
import { shopIssuer, shopJwtSecret, shopTokenLifetime, shopTokenType } from '../shop/settings.ts'
import type { ShopTables } from '../shop/tables.ts'

/** Hono's `secureHeaders()` defaults, as the shop answers them. */
const SECURE_HEADERS = {
  'cross-origin-opener-policy': 'same-origin',
  'cross-origin-resource-policy': 'same-origin',
  'origin-agent-cluster': '?1',
  'referrer-policy': 'no-referrer',
  'strict-transport-security': 'max-age=15552000; includeSubDomains',
  'x-content-type-options': 'nosniff',
  'x-dns-prefetch-control': 'off',
  'x-download-options': 'noopen',
  'x-frame-options': 'SAMEORIGIN',
  'x-permitted-cross-domain-policies': 'none',
  'x-xss-protection': '0',
}

const clockTolerance = 5

const string = { type: 'string' } as const
const itemIn = {
  type: 'object',
  properties: {
    name: { type: 'string', minLength: 1, maxLength: 100 },
    description: { type: ['string', 'null'], maxLength: 1000 },
    price: { type: 'number', exclusiveMinimum: 0 },
    tax: { type: ['number', 'null'], minimum: 0 },
    tags: {
      type: 'array',
      items: { type: 'string', minLength: 1, maxLength: 30 },
      maxItems: 20,
      default: [],
    },
  },
  required: ['name', 'price'],
  additionalProperties: false,
} as const
const item = {
  type: 'object',
  properties: {
    id: { type: 'number' },
    name: string,
    description: { type: ['string', 'null'] },
    price: { type: 'number' },
    tax: { type: ['number', 'null'] },
    tags: { type: 'array', items: string },
    owner: string,
  },
  required: ['id', 'name', 'description', 'price', 'tax', 'tags', 'owner'],
} as const
const detail = { type: 'object', properties: { detail: string } } as const

interface ItemBody {
  name: string
  description?: string | null
  price: number
  tax?: number | null
  tags: string[]
}

interface ItemRow {
  id: number
  name: string
  description: string | null
  price: number
  tax: number | null
  owner: string
  tags: string
}

interface Claims {
  sub: string
  exp: number
  scope?: unknown
}

const toItem = ({ tags, ...row }: ItemRow) => ({
  ...row,
  tags: (JSON.parse(tags) as string[]).sort(),
})

class HttpError extends Error {
  constructor(
    readonly statusCode: number,
    message: string,
  ) {
    super(message)
  }
}

/** The shop's queries (`apps/shop/src/db/repository/items.ts`, `users.ts`), inline. */
function shopQueries(db: Kysely<ShopTables>) {
  const selectItems = () =>
    db
      .selectFrom('items')
      .innerJoin('users', 'users.id', 'items.owner_id')
      .select(['items.id', 'items.name', 'items.description', 'items.price', 'items.tax'])
      .select('users.username as owner')
      .select(
        sql<string>`(select json_group_array(tag) from item_tags where item_id = items.id)`.as(
          'tags',
        ),
      )
  const insertTags = (itemId: RawBuilder<number>, tags: string[]) =>
    sql`insert into item_tags (item_id, tag) select items.id, tags.value from items, json_each(${JSON.stringify(tags)}) as tags where items.id = ${itemId}`.compile(
      db,
    )
  return {
    userByUsername: (username: string) =>
      db.selectFrom('users').selectAll().where('username', '=', username).executeTakeFirst(),
    getItem: (id: number) => selectItems().where('items.id', '=', id).executeTakeFirst(),
    async createItem(ownerId: number, body: ItemBody): Promise<ItemRow> {
      const lastItemId = sql<number>`(select max(id) from items)`
      const queries: CompiledQuery[] = [
        db
          .insertInto('items')
          .values({
            owner_id: ownerId,
            name: body.name,
            description: body.description ?? null,
            price: body.price,
            tax: body.tax ?? null,
          })
          .compile(),
        insertTags(lastItemId, [...new Set(body.tags)]),
        selectItems().where('items.id', '=', lastItemId).compile(),
      ]
      const results = await db.transaction().execute(async (trx) => {
        const all = []
        for (const query of queries) all.push(await trx.executeQuery(query))
        return all
      })
      return results[2]!.rows[0] as ItemRow
    },
  }
}

/** Builds the Fastify shop on the database at `path` (closed with the app). */
export function createFastifyShop(path: string, onPrepare?: (sql: string) => void) {
  const db = new Kysely<ShopTables>({ dialect: shopDialect(path, onPrepare) })
  const shop = shopQueries(db)
  const app = Fastify()
  app.register(fastifyJwt, {
    secret: shopJwtSecret,
    verify: {
      algorithms: ['HS256'],
      allowedIss: shopIssuer,
      allowedAud: shopIssuer,
      checkTyp: shopTokenType,
      requiredClaims: ['exp', 'sub'],
      clockTolerance: clockTolerance * 1000,
    },
  })
  app.addHook('onClose', () => db.destroy())
  // The same security headers the shop's `secureHeaders()` sends (what @fastify/helmet would add).
  app.addHook('onRequest', (_request, reply, done) => {
    reply.headers(SECURE_HEADERS)
    done()
  })
  app.setErrorHandler((error: FastifyError, _request, reply) => {
    if (error.validation) return reply.status(422).send({ detail: error.validation })
    if (error.statusCode === 401) {
      return reply
        .status(401)
        .header('www-authenticate', 'Bearer')
        .send({ detail: 'Not authenticated' })
    }
    return reply.send(error)
  })

  // Before the body is read, as the shop's security dependencies run before its inputs.
  const writer = async (request: FastifyRequest) => {
    const claims = await request.jwtVerify<Claims>()
    if (claims.exp > Date.now() / 1000 + shopTokenLifetime + clockTolerance) {
      throw new HttpError(401, 'Not authenticated')
    }
    const scopes = typeof claims.scope === 'string' ? claims.scope.split(' ') : []
    if (!scopes.includes('items:write')) throw new HttpError(403, 'Not enough permissions')
  }

  app.get<{ Params: { item_id: number } }>(
    '/items/:item_id',
    {
      schema: {
        params: {
          type: 'object',
          properties: { item_id: { type: 'integer', minimum: 1 } },
          required: ['item_id'],
        },
        response: { 200: item, 404: detail },
      },
    },
    async (request, reply) => {
      const row = await shop.getItem(request.params.item_id)
      if (!row) return reply.status(404).send({ detail: 'Item not found' })
      return toItem(row)
    },
  )
  app.post<{ Body: ItemBody }>(
    '/items',
    { onRequest: writer, schema: { body: itemIn, response: { 201: item } } },
    async (request, reply) => {
      const user = await shop.userByUsername((request.user as Claims).sub)
      if (!user) throw new HttpError(401, 'Could not validate credentials')
      return reply.status(201).send(toItem(await shop.createItem(user.id, request.body)))
    },
  )
  return app
}

export async function listen(port: number, hostname: string): Promise<void> {
  await createFastifyShop(databasePath()).listen({ port, host: hostname })
}

/**
 * A fixture app whose routes cover the shapes the document generator has to describe truly:
 * bounded numeric path params, constrained and repeated query values, headers, a nested JSON body
 * and response schemas that strip secrets. Handlers echo what they received.
 */
import { createApp, get, post } from '@brisk/router'
import * as v from 'valibot'
import { createDocument } from '../../src/create-document.ts'

const Sort = { Newest: 'newest', Cheapest: 'cheapest' } as const

const Product = v.object({
  id: v.number(),
  ratio: v.number(),
  size: v.picklist(['s', 'm', 'l']),
  name: v.string(),
})

const SearchResult = v.object({
  q: v.string(),
  code: v.optional(v.string()),
  sort: v.enum(Sort),
  exact: v.boolean(),
  page: v.number(),
  tag: v.array(v.string()),
  ids: v.array(v.number()),
  since: v.nullable(v.date()),
  trace: v.nullable(v.string()),
  tenant: v.number(),
})

const Address = v.object({
  street: v.pipe(v.string(), v.minLength(1), v.maxLength(80)),
  zip: v.pipe(v.string(), v.regex(/^\d{5}(-\d{4})?$/)),
})

const Line = v.object({
  sku: v.picklist(['lamp', 'desk', 'chair']),
  quantity: v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(99)),
})

const Payment = v.variant('kind', [
  v.object({ kind: v.literal('card'), last4: v.pipe(v.string(), v.regex(/^\d{4}$/)) }),
  v.object({ kind: v.literal('cash') }),
])

const Order = v.object({
  email: v.pipe(v.string(), v.email()),
  customer_id: v.pipe(v.string(), v.uuid()),
  placed_at: v.pipe(v.string(), v.isoTimestamp()),
  discount: v.optional(v.pipe(v.number(), v.gtValue(0), v.ltValue(1))),
  total: v.pipe(v.number(), v.minValue(0), v.maxValue(1_000_000)),
  note: v.nullable(v.pipe(v.string(), v.maxLength(40))),
  gift: v.optional(v.boolean()),
  shipping: Address,
  lines: v.pipe(v.array(Line), v.minLength(1), v.maxLength(5)),
  payment: Payment,
  reference: v.union([v.pipe(v.string(), v.minLength(3)), v.pipe(v.number(), v.integer())]),
  labels: v.optional(v.array(v.pipe(v.string(), v.maxLength(10))), []),
})

const Receipt = v.object({ order_id: v.string(), status: v.literal('accepted'), ...Order.entries })

export const fixtureApp = createApp({
  routes: [
    get(
      '/products/{product_id}/ratios/{ratio}',
      {
        params: {
          product_id: v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(10_000)),
          ratio: v.pipe(v.number(), v.minValue(-1), v.maxValue(1)),
        },
        query: { size: v.optional(v.picklist(['s', 'm', 'l']), 'm') },
        response: Product,
      },
      ({ params, query }) => ({
        id: params.product_id,
        ratio: params.ratio,
        size: query.size,
        name: `product ${params.product_id}`,
        supplier_secret: 'never sent',
      }),
    ),
    get(
      '/search',
      {
        query: {
          q: v.pipe(v.string(), v.minLength(2), v.maxLength(20)),
          code: v.optional(v.pipe(v.string(), v.regex(/^[A-Z]{3}-\d{2,4}$/))),
          sort: v.optional(v.enum(Sort), Sort.Newest),
          exact: v.optional(v.boolean(), false),
          page: v.optional(v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(100)), 1),
          tag: v.optional(v.array(v.pipe(v.string(), v.maxLength(12))), []),
          ids: v.optional(v.array(v.pipe(v.number(), v.integer(), v.minValue(0))), []),
          since: v.optional(v.date()),
        },
        headers: {
          x_trace: v.optional(v.pipe(v.string(), v.maxLength(32))),
          x_tenant: v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(999)),
        },
        response: SearchResult,
      },
      ({ query, headers }) => ({
        ...query,
        since: query.since ?? null,
        trace: headers.x_trace ?? null,
        tenant: headers.x_tenant,
      }),
    ),
    post('/orders', { body: Order, status: 201, response: Receipt }, ({ body }) => ({
      order_id: crypto.randomUUID(),
      status: 'accepted' as const,
      internal_cost: 42,
      ...body,
    })),
  ],
})

/** The fixture app's document, with its named schemas published as components. */
export const fixtureDocument = createDocument(fixtureApp, {
  info: { title: 'Fixture', version: '1.0.0' },
  schemas: { Product, SearchResult, Address, Line, Order, Receipt },
})

/**
 * The by-hand servers' validation, written out without a library; shared by the Node server
 * (`by-hand.ts`) and the web-standard handler (`by-hand-web.ts`) so both do exactly the same work.
 */
import { catalog, defaultLimit, jwtSecret, maxLimit } from './shared.ts'

/** S4's HS256 key, imported once at load (not per request), as jose's docs advise. */
export const jwtKey = await crypto.subtle.importKey(
  'raw',
  new TextEncoder().encode(jwtSecret),
  { name: 'HMAC', hash: 'SHA-256' },
  false,
  ['verify'],
)

const digits = /^[0-9]{1,10}$/

/** S2: the path's id as an integer in 1..1e9, or undefined. */
export function userIdOf(text: string): number | undefined {
  const id = digits.test(text) ? Number(text) : Number.NaN
  return id >= 1 && id <= 1e9 ? id : undefined
}

const isString = (value: unknown) => typeof value === 'string'
// JSON.parse never yields NaN or Infinity.
const isNumber = (value: unknown): value is number => typeof value === 'number'

/** S3: the item's declared fields (dropping `description`) plus `id: 1`, or the first problem. */
export function validateItem(body: any): object | string {
  if (typeof body !== 'object' || body === null) return 'body: expected an object'
  const { name, price, tags, dimensions: dim, variants } = body
  if (!isString(name) || name.length < 1 || name.length > 100) return 'name'
  if (!isNumber(price) || price < 0) return 'price'
  if (!Array.isArray(tags) || tags.length > 20 || !tags.every(isString)) return 'tags'
  if (typeof dim !== 'object' || dim === null) return 'dimensions'
  if (!isNumber(dim.w) || !isNumber(dim.h) || !isNumber(dim.d)) return 'dimensions'
  if (!Array.isArray(variants)) return 'variants'
  const cleanVariants = []
  for (const variant of variants) {
    const { sku, stock } = variant ?? {}
    if (!isString(sku) || sku.length < 1 || sku.length > 40) return 'variants.sku'
    if (!Number.isInteger(stock) || stock < 0) return 'variants.stock'
    cleanVariants.push({ sku, stock })
  }
  const dimensions = { w: dim.w, h: dim.h, d: dim.d }
  return { id: 1, name, price, tags, dimensions, variants: cleanVariants }
}

/** S6: `?limit=` as an integer in 1..100 (10 when absent), or undefined. */
export function limitOf(text: string | null): number | undefined {
  const limit = text === null ? defaultLimit : digits.test(text) ? Number(text) : 0
  return limit >= 1 && limit <= maxLimit ? limit : undefined
}

/** S6: the first `limit` items without their `secret`. */
export function listCatalog(limit: number) {
  const items = []
  for (let i = 0; i < limit; i++) {
    const { id, name, price, in_stock } = catalog[i]!
    items.push({ id, name, price, in_stock })
  }
  return items
}

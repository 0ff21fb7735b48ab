/**
 * Data and Valibot schemas every HTTP peer shares (S4's secret, S6's catalog), so each peer does the
 * same work; the S2/S3 schemas live in `../schemas.ts` with the in-process apps.
 */
import * as v from 'valibot'

/** S4: the HS256 secret every peer verifies `Authorization: Bearer` tokens with. */
export const jwtSecret = 'brisk-bench-hs256-secret-0123456789abcdef'

/** S4: the tokens' `iss` and `aud` (Brisk's `jwtTokens` requires both; the other peers ignore them). */
export const jwtIssuer = 'brisk-bench'

/** S4: what `GET /me` answers for a verified token's claims. */
export function meView(claims: { sub?: unknown; scope?: unknown }) {
  return {
    sub: String(claims.sub),
    scopes: typeof claims.scope === 'string' ? claims.scope.split(' ') : [],
  }
}

/** S6: one stored item, with a field that must never leave the server. */
export interface StoredItem {
  id: number
  name: string
  price: number
  in_stock: boolean
  secret: string
}

/** S6: the 100 stored items `GET /items?limit=n` lists from. */
export const catalog: readonly StoredItem[] = Array.from({ length: 100 }, (_, i) => ({
  id: i + 1,
  name: `item${i + 1}`,
  price: 10 + i * 0.25,
  in_stock: i % 3 !== 0,
  secret: `supplier-cost-${i * 7}`,
}))

/** S6: `?limit=` is an integer in 1..100, 10 when absent. */
export const defaultLimit = 10
export const maxLimit = 100

/** S6 response schema (Valibot): the item without `secret`. */
export const ItemSummary = v.object({
  id: v.number(),
  name: v.string(),
  price: v.number(),
  in_stock: v.boolean(),
})

/** S6: a valid `limit` (Valibot). */
export const LimitValue = v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(maxLimit))

/** S6 query (Valibot, for frameworks that coerce query strings themselves). */
export const Limit = v.optional(LimitValue, defaultLimit)

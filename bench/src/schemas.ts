/**
 * Schemas and handler logic shared by every app under test, so each framework does the same
 * validation and the same work; only the framework around them differs.
 */
import * as v from 'valibot'

/** `GET /users/{id}`: an integer id in 1..1e9. */
export const UserId = v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(1e9))

/** `GET /users/{id}?fields=a,b`: an optional comma-separated list. */
export const Fields = v.optional(v.string())

/** A product variant: a SKU and a non-negative integer stock. */
export const Variant = v.object({
  sku: v.pipe(v.string(), v.minLength(1), v.maxLength(40)),
  stock: v.pipe(v.number(), v.integer(), v.minValue(0)),
})

/** `POST /items` body. Anything undeclared (such as `description`) is stripped. */
export const ItemIn = v.object({
  name: v.pipe(v.string(), v.minLength(1), v.maxLength(100)),
  price: v.pipe(v.number(), v.minValue(0)),
  tags: v.pipe(v.array(v.string()), v.maxLength(20)),
  dimensions: v.object({ w: v.number(), h: v.number(), d: v.number() }),
  variants: v.array(Variant),
})

/** `POST /items` response: the item plus its id. */
export const ItemOut = v.object({ id: v.number(), ...ItemIn.entries })

/** The user view both apps return. */
export function userView(id: number, fields: string | undefined) {
  return { id, name: `user${id}`, fields: fields === undefined ? undefined : fields.split(',') }
}

/** The stored item both apps return before their response schema runs. */
export function storeItem(item: v.InferOutput<typeof ItemIn>) {
  return { ...item, id: 1 }
}

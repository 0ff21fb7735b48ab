/** The shop's request and response bodies, shared by routes and the OpenAPI document. */
import * as v from 'valibot'

export const Username = v.pipe(
  v.string(),
  v.regex(/^[a-z0-9_]{3,32}$/, 'Use 3–32 lowercase letters, digits or underscores'),
)

export const NewUser = v.object({
  username: Username,
  email: v.pipe(v.string(), v.maxLength(254), v.email()),
  // PBKDF2 cost grows with nothing but iterations; the cap only bounds the body.
  password: v.pipe(v.string(), v.minLength(8), v.maxLength(128)),
  full_name: v.optional(v.pipe(v.string(), v.maxLength(100))),
})

export const User = v.object({
  id: v.number(),
  username: v.string(),
  email: v.string(),
  full_name: v.nullable(v.string()),
  scopes: v.array(v.string()),
  is_admin: v.boolean(),
})

const Tag = v.pipe(v.string(), v.minLength(1), v.maxLength(30))

const itemFields = {
  name: v.pipe(v.string(), v.minLength(1), v.maxLength(100)),
  description: v.optional(v.nullable(v.pipe(v.string(), v.maxLength(1000)))),
  price: v.pipe(v.number(), v.gtValue(0)),
  tax: v.optional(v.nullable(v.pipe(v.number(), v.minValue(0)))),
  tags: v.optional(
    v.pipe(
      v.array(Tag),
      v.maxLength(20),
      v.description('At most 20; repeats count once (a set, as in FastAPI)'),
    ),
    [],
  ),
}

/** POST and PUT: a whole item. */
export const ItemIn = v.object(itemFields)

/** PATCH: any of the fields; only those sent change. */
export const ItemPatch = v.partial(
  v.object({ ...itemFields, tags: v.pipe(v.array(Tag), v.maxLength(20)) }),
)

export const Item = v.object({
  id: v.number(),
  name: v.string(),
  description: v.nullable(v.string()),
  price: v.number(),
  tax: v.nullable(v.number()),
  tags: v.array(v.string()),
  owner: v.string(),
})

export const ItemPage = v.object({ items: v.array(Item), total: v.number() })

export const ImageInfo = v.object({
  filename: v.string(),
  content_type: v.picklist(['image/png', 'image/jpeg']),
  size: v.number(),
})

export const Stats = v.object({ users: v.number(), items: v.number() })

// Up to 2^53 - 1: a larger id would be rounded to another one.
export const ItemId = v.pipe(
  v.number(),
  v.integer(),
  v.minValue(1),
  v.maxValue(Number.MAX_SAFE_INTEGER),
)

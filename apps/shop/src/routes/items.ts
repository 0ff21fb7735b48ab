/** Items: listed and read by anyone; created with `items:write`; changed by their owner or an admin. */
import { del, get, HTTPException, patch, post, put, router } from '@brisk/router'
import * as v from 'valibot'
import type { Item as ItemRecord } from '../db/repository.ts'
import { itemEvents } from '../item-events.ts'
import { Item, ItemId, ItemIn, ItemPage, ItemPatch } from '../schemas.ts'
import { assertMayChange, currentUser, oauth2 } from '../security.ts'
import { shop } from '../shop.ts'
import { events } from './events.ts'
import { images } from './images.ts'

const writer = oauth2.requireScopes(['items:write'])
const params = { item_id: ItemId }
const notFound = { 404: { description: 'No such item' } }

/** Tags are a set: repeats count once, in the order first given. */
const uniqueTags = (tags: readonly string[] | undefined) =>
  tags === undefined ? undefined : [...new Set(tags)]

async function existing(
  shop: { getItem(id: number): Promise<ItemRecord | undefined> },
  id: number,
): Promise<ItemRecord> {
  const item = await shop.getItem(id)
  if (!item) throw new HTTPException(404, 'Item not found')
  return item
}

const list = get(
  '',
  {
    public: true,
    query: {
      skip: v.optional(v.pipe(v.number(), v.integer(), v.minValue(0)), 0),
      limit: v.optional(v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(100)), 20),
      q: v.optional(v.pipe(v.string(), v.minLength(1), v.maxLength(100))),
      tag: v.optional(v.pipe(v.array(v.pipe(v.string(), v.maxLength(30))), v.maxLength(20)), []),
    },
    deps: { shop },
    response: ItemPage,
    summary: 'List items',
    description: '`q` matches name or description; repeated `tag`s must all be present.',
  },
  ({ query, deps }) =>
    deps.shop.listItems({
      skip: query.skip,
      limit: query.limit,
      q: query.q,
      tags: uniqueTags(query.tag),
    }),
)

const create = post(
  '',
  {
    body: ItemIn,
    security: [writer],
    deps: { user: currentUser, shop, events: itemEvents },
    status: 201,
    response: Item,
    summary: 'Create an item',
  },
  async ({ body, deps }) => {
    const item = await deps.shop.createItem(deps.user.id, { ...body, tags: uniqueTags(body.tags) })
    deps.events.publish(item)
    return item
  },
)

const read = get(
  '/{item_id}',
  {
    public: true,
    params,
    deps: { shop },
    response: Item,
    responses: notFound,
    summary: 'Read an item',
  },
  ({ params, deps }) => existing(deps.shop, params.item_id),
)

const replace = put(
  '/{item_id}',
  {
    params,
    body: ItemIn,
    security: [writer],
    deps: { user: currentUser, shop },
    response: Item,
    responses: notFound,
    summary: 'Replace an item (its owner or an admin)',
  },
  async ({ params, body, deps }) => {
    assertMayChange(deps.user, (await existing(deps.shop, params.item_id)).owner)
    const changes = {
      name: body.name,
      description: body.description ?? null,
      price: body.price,
      tax: body.tax ?? null,
      tags: uniqueTags(body.tags) ?? [],
    }
    return existingAfter(await deps.shop.updateItem(params.item_id, changes))
  },
)

const update = patch(
  '/{item_id}',
  {
    params,
    body: ItemPatch,
    security: [writer],
    deps: { user: currentUser, shop },
    response: Item,
    responses: notFound,
    summary: 'Change some fields of an item (its owner or an admin)',
  },
  async ({ params, body, deps }) => {
    assertMayChange(deps.user, (await existing(deps.shop, params.item_id)).owner)
    const { tags, ...fields } = body
    const changes = tags === undefined ? fields : { ...fields, tags: uniqueTags(tags) }
    return existingAfter(await deps.shop.updateItem(params.item_id, changes))
  },
)

const remove = del(
  '/{item_id}',
  {
    params,
    security: [writer],
    deps: { user: currentUser, shop },
    responses: notFound,
    summary: 'Delete an item (its owner or an admin)',
  },
  async ({ params, deps }) => {
    assertMayChange(deps.user, (await existing(deps.shop, params.item_id)).owner)
    if (!(await deps.shop.deleteItem(params.item_id)))
      throw new HTTPException(404, 'Item not found')
  },
)

/** Deleted between the check and the write (a concurrent request): still a 404, never a 500. */
function existingAfter(item: ItemRecord | undefined): ItemRecord {
  if (!item) throw new HTTPException(404, 'Item not found')
  return item
}

// `/events` before `/{item_id}`, which would otherwise take it (and answer 422).
export const items = router({ prefix: '/items', tags: ['items'] }, [
  list,
  create,
  events,
  read,
  replace,
  update,
  remove,
  ...images,
])

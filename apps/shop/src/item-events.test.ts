import { describe, expect, it } from 'vitest'
import type { Item } from './db/repository.ts'
import { createItemFeed } from './item-events.ts'

const item = (id: number): Item => ({
  id,
  name: `item ${id}`,
  description: null,
  price: 1,
  tax: null,
  tags: [],
  owner: 'ada',
})

describe('the item feed', () => {
  it('hands every listener the items published after it subscribed, in order', async () => {
    const feed = createItemFeed()
    feed.publish(item(1)) // nobody listening: dropped
    const first = feed.subscribe()
    const second = feed.subscribe()
    feed.publish(item(2))
    feed.publish(item(3))
    expect((await first.next()).value).toEqual(item(2))
    expect((await first.next()).value).toEqual(item(3))
    expect((await second.next()).value).toEqual(item(2))
    expect(feed.listeners).toBe(2)
  })

  it('ends a pending read at once when the listener stops (a client disconnecting)', async () => {
    const feed = createItemFeed()
    const listener = feed.subscribe()
    const pending = listener.next()
    await listener.return?.()
    expect(await pending).toEqual({ done: true, value: undefined })
    expect(feed.listeners).toBe(0)
  })

  it('drops a listener that falls behind instead of buffering without limit', async () => {
    const feed = createItemFeed(2)
    const slow = feed.subscribe()
    for (let id = 1; id <= 3; id++) feed.publish(item(id))
    expect(await slow.next()).toEqual({ done: true, value: undefined })
    expect(feed.listeners).toBe(0)
  })
})

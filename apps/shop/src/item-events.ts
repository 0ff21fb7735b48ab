/**
 * `itemEvents`: the items created in this process, fanned out to every listener of
 * `GET /items/events`. Each listener has a bounded queue: a client that stops reading is dropped
 * rather than buffered without limit. (On Workers each isolate has its own listeners; a shared feed
 * across isolates would be a Durable Object.)
 */
import { dependency } from '@brisk/router'
import type { Item } from './db/repository.ts'

/** Events kept for one listener that has not read them yet. */
const MAX_PENDING = 256
/** How long a waiting listener sleeps before it looks again (see `next()`). */
const IDLE_WAKE_MS = 30_000

export interface ItemFeed {
  publish(item: Item): void
  /** The items created from now on, until the iteration is ended (or the listener falls behind). */
  subscribe(): AsyncIterableIterator<Item>
  readonly listeners: number
}

export function createItemFeed(maxPending = MAX_PENDING): ItemFeed {
  const listeners = new Set<(item: Item) => void>()
  return {
    publish(item) {
      for (const listener of listeners) listener(item)
    },
    get listeners() {
      return listeners.size
    },
    subscribe() {
      const pending: Item[] = []
      let wake: (() => void) | undefined
      let ended = false
      const listener = (item: Item) => {
        if (pending.length >= maxPending)
          ended = true // fallen behind: dropped, not buffered
        else pending.push(item)
        wake?.()
      }
      listeners.add(listener)
      const end = () => {
        ended = true
        listeners.delete(listener)
        wake?.()
      }
      return {
        [Symbol.asyncIterator]() {
          return this
        },
        async next(): Promise<IteratorResult<Item>> {
          while (pending.length === 0 && !ended) {
            let timer: ReturnType<typeof setTimeout> | undefined
            await new Promise<void>((resolve) => {
              wake = resolve
              // workerd cancels a request that waits only on a promise another request resolves
              // ("your Worker's code had hung"): a timer of the listener's own keeps it alive.
              timer = setTimeout(resolve, IDLE_WAKE_MS)
            })
            clearTimeout(timer)
            wake = undefined
          }
          if (ended) {
            end()
            return { done: true, value: undefined }
          }
          return { done: false, value: pending.shift()! }
        },
        async return(): Promise<IteratorResult<Item>> {
          end()
          return { done: true, value: undefined }
        },
      }
    },
  }
}

export const itemEvents = dependency({ scope: 'app', name: 'itemEvents' }, () => createItemFeed())

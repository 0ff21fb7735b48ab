/**
 * The validator's direct view of a Node request (`RawRequest`): header lookups answered from what
 * Node's parser already made, and the body read from the socket's stream — no web `Headers`
 * object and no `ReadableStream` built over the socket for a route's inputs.
 */
import type { IncomingMessage } from 'node:http'
import type { RawRequest } from '@brisk/validator'

export class IncomingRawRequest implements RawRequest {
  readonly #incoming: IncomingMessage

  constructor(incoming: IncomingMessage) {
    this.#incoming = incoming
  }

  /** The request's own lookup (`get`) serves as its headers: one object per request, not two. */
  get headers(): Pick<Headers, 'get'> {
    return this
  }

  /**
   * As the runtimes' `Headers.get`: repeats joined by `, `, repeated `Cookie` lines by `; `
   * (`headersDistinct` keeps every repeat, which Node's `headers` drops for some names).
   */
  get(name: string): string | null {
    const values = this.#incoming.headersDistinct[name]
    if (values === undefined) return null
    if (values.length === 1) return values[0]!
    return values.join(name === 'cookie' ? '; ' : ', ')
  }

  read(limit: number): Promise<Uint8Array | undefined> {
    const incoming = this.#incoming
    return new Promise((resolve, reject) => {
      const chunks: Buffer[] = []
      let total = 0
      const stop = () => {
        incoming.off('data', onData)
        incoming.off('end', onEnd)
        incoming.off('error', onError)
        incoming.off('close', onClose)
      }
      const onData = (chunk: Buffer) => {
        total += chunk.byteLength
        if (total > limit) {
          // Stop reading, answer now; @hono/node-server drains or drops the rest once the 413 is sent.
          stop()
          incoming.pause()
          resolve(undefined)
          return
        }
        chunks.push(chunk)
      }
      const onEnd = () => {
        stop()
        resolve(chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks, total))
      }
      const onError = (error: Error) => {
        stop()
        reject(error)
      }
      const onClose = () => {
        stop()
        reject(new Error('The connection closed before the request body ended'))
      }
      if (incoming.readableEnded) {
        resolve(new Uint8Array(0))
        return
      }
      // Gone before the read started (e.g. while a security dependency awaited): its 'error' and
      // 'close' have fired already, so listening now would wait forever.
      if (incoming.destroyed) {
        reject(incoming.errored ?? new Error('The connection closed before the request body ended'))
        return
      }
      incoming.on('data', onData)
      incoming.on('end', onEnd)
      incoming.on('error', onError)
      incoming.on('close', onClose)
    })
  }
}

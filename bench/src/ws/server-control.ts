/**
 * The control channel of a WebSocket bench server: each `memory` line on stdin runs a full GC (where
 * the runtime exposes one: `--expose-gc` on Node, `Bun.gc(true)` on Bun) and answers one JSON line
 * `{"rss": bytes, "gc": boolean}` on stdout. Nothing here runs while messages are measured.
 */
import process from 'node:process'
import { createInterface } from 'node:readline'

interface Collectors {
  gc?: () => void
  Bun?: { gc(force: boolean): void }
}

/** Runs a full collection if the runtime offers one; answers whether it did. */
function collect(): boolean {
  const { gc, Bun } = globalThis as unknown as Collectors
  if (Bun) Bun.gc(true)
  else if (gc) gc()
  else return false
  return true
}

/** Answers `memory` requests on stdin for as long as the process runs. */
export function answerControl() {
  const lines = createInterface({ input: process.stdin })
  lines.on('line', (line) => {
    if (line.trim() !== 'memory') return
    const gc = collect()
    console.log(JSON.stringify({ rss: process.memoryUsage.rss(), gc }))
  })
}

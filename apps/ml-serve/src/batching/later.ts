/** Timers for the batcher: "after the current task" without Node's 1 ms floor on `setTimeout(0)`. */

type Immediate = (task: () => void) => unknown
const runtime = globalThis as {
  setImmediate?: Immediate
  clearImmediate?: (handle: unknown) => void
}

/**
 * Runs `task` after `delayMs`, or — for 0 — on the next turn of the event loop, after pending I/O:
 * `setImmediate` where the runtime has it (Node, Bun), since `setTimeout(0)` waits at least 1 ms on
 * Node and so would cap an unbatched model at ~1,000 calls a second. Answers the cancel.
 */
export function later(task: () => void, delayMs: number): () => void {
  if (delayMs === 0 && runtime.setImmediate && runtime.clearImmediate) {
    const handle = runtime.setImmediate(task)
    return () => runtime.clearImmediate!(handle)
  }
  const handle = setTimeout(task, delayMs)
  return () => clearTimeout(handle)
}

/** The FastAPI-style 422 hook the Standard Schema validators of the Hono peers share. */
import type { Context } from 'hono'

interface Issue {
  readonly message: string
  readonly path?: ReadonlyArray<PropertyKey | { readonly key: PropertyKey }> | undefined
}

type Result = { success: true } | { success: false; error: readonly Issue[] }

/** A validator hook answering a failed result with 422 and every issue, like Brisk. */
export function standard422(where: string) {
  return (result: Result, c: Context) => {
    if (result.success) return
    const detail = result.error.map((issue) => ({
      loc: [
        where,
        ...(issue.path ?? []).map((key) => String(typeof key === 'object' ? key.key : key)),
      ],
      msg: issue.message,
    }))
    return c.json({ detail }, 422)
  }
}

/** Worker entry: Bun, Deno and workerd serve a module whose default export has `fetch`. */
import { app } from './fixture.ts'

export default app

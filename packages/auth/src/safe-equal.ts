/** `safeEqual`: Python's `secrets.compare_digest` for your own checks (a password, a key). */
import { sha256, timingSafeEqual } from './internal/constant-time.ts'

/**
 * Whether two strings are equal, in a time that depends on neither where they differ nor their
 * lengths (both are hashed first).
 *
 * @example
 * if (!(await safeEqual(credentials.password, env.ADMIN_PASSWORD))) throw new HTTPException(401)
 */
export async function safeEqual(left: string, right: string): Promise<boolean> {
  const [a, b] = await Promise.all([sha256(left), sha256(right)])
  return timingSafeEqual(a, b)
}

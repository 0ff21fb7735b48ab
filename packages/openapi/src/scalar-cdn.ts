/**
 * `scalarCdn`: Scalar's standalone script from jsDelivr, pinned to one version with its
 * subresource-integrity hash — what `/docs` uses when `@scalar/api-reference` is not installed.
 */
import type { ScalarSource } from './docs-handlers.ts'

/** The `@scalar/api-reference` version pinned (a test keeps it equal to the tested dev dependency). */
export const SCALAR_VERSION = '1.46.4'

/** sha384 of that version's `dist/browser/standalone.js`, as npm published it. */
export const SCALAR_INTEGRITY =
  'sha384-BbTs28WithFYxTDCiH0YPK5tv3MflhBVpABoMjfb9UqXa/hegSE9I4THoddKejMF'

/**
 * The pinned CDN source. The browser refuses the script if its bytes differ from the hash; a
 * strict CSP needs `script-src https://cdn.jsdelivr.net`. For offline docs, install
 * `@scalar/api-reference` and use `localScalar()` from `@brisk/openapi/scalar-local`.
 *
 * @example
 * docs(app, { scalar: scalarCdn() }) // the default when `scalar` is left out
 */
export function scalarCdn(): ScalarSource {
  return {
    kind: 'cdn',
    url: `https://cdn.jsdelivr.net/npm/@scalar/api-reference@${SCALAR_VERSION}/dist/browser/standalone.js`,
    integrity: SCALAR_INTEGRITY,
  }
}

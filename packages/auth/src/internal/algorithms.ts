/** JWS algorithms Brisk accepts, by family. `none` is never one of them. */

export const ASYMMETRIC_ALGORITHMS = [
  'RS256',
  'RS384',
  'RS512',
  'PS256',
  'PS384',
  'PS512',
  'ES256',
  'ES384',
  'ES512',
  'EdDSA',
  'Ed25519',
] as const

export type AsymmetricAlgorithm = (typeof ASYMMETRIC_ALGORITHMS)[number]

/** Checks a configured allow-list: non-empty, asymmetric only (keys fetched from a JWKS). */
export function assertAsymmetric(algorithms: readonly string[] | undefined, where: string): void {
  if (algorithms === undefined || algorithms.length === 0) {
    throw new TypeError(`${where}: 'algorithms' is required, e.g. ['RS256']`)
  }
  for (const algorithm of algorithms) {
    if (!(ASYMMETRIC_ALGORITHMS as readonly string[]).includes(algorithm)) {
      throw new TypeError(
        `${where}: algorithm '${algorithm}' is not allowed; keys from a JWKS must be asymmetric (${ASYMMETRIC_ALGORITHMS.join(', ')})`,
      )
    }
  }
}

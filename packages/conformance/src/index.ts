/**
 * @brisk/conformance — the runtime-neutral behaviour suite: cases written once against a
 * {@link Target}, and the fixture app they run against.
 */
export { cases } from './cases/index.ts'
export { app } from './fixture.ts'
export type { Capability, Case, Runtime, Target } from './target.ts'

/** The shop's contract against `bun src/bun.ts` (Bun serving the default export), over HTTP. */
import { describeServedContract } from './support/served-contract.ts'

describeServedContract('bun', 'the shop served by Bun (bun:sqlite on a file), over HTTP')

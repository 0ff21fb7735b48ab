/** The shop's contract against `deno serve src/deno.ts`, over HTTP. */
import { describeServedContract } from './support/served-contract.ts'

describeServedContract('deno', 'the shop served by Deno (node:sqlite on a file), over HTTP')

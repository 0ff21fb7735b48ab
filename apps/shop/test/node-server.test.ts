/** The shop's contract against `node dist/node.js` (the build `npm start` runs), over HTTP. */
import { describeServedContract } from './support/served-contract.ts'

describeServedContract('node', 'the shop served by Node (libsql on a file), over HTTP')

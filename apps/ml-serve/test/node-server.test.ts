/** The contract against ml-serve served by Node (`node dist/node.js`, what `npm start` runs), over HTTP. */
import { socketCase } from './socket-contract.ts'
import { describeContract } from './support/describe-contract.ts'
import { startServed } from './support/servers.ts'
import { TEST_API_KEY } from './support/settings.ts'

describeContract('ml-serve served by Node, over HTTP', {
  apiKey: TEST_API_KEY,
  start: () => startServed('node'),
  more: { [socketCase.name]: socketCase.run },
})

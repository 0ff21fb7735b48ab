/** Worker entry: the fixture as a module worker, WebSocket routes included. */
import { worker } from '@brisk/router/workers'
import { app } from './fixture.ts'

export default worker(app)

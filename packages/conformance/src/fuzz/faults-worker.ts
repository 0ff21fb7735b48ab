/** Worker entry for the teardown-under-faults test: the faults app as a module worker. */
import { worker } from '@brisk/router/workers'
import { faultsApp } from './faults-app.ts'

export default worker(faultsApp)

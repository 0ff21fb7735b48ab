import { it } from 'vitest'
import { fixtureDocument } from './support/fixture-app.ts'
it('dumps', () => { console.log(JSON.stringify(fixtureDocument, null, 1)) })

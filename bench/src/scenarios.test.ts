import { describe, expect, it } from 'vitest'
import { checkContract } from './contract.ts'
import { createScenarios } from './scenarios.ts'

describe('the in-process scenarios', () => {
  for (const scenario of createScenarios()) {
    for (const role of ['subject', 'baseline'] as const) {
      const { label, target } = scenario[role]
      it(`${label} passes the contract for ${scenario.test.name}`, async () => {
        expect(await checkContract(target, scenario.test)).toEqual([])
      })
    }
  }
})

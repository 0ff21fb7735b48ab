import { defineConfig } from 'vitest/config'

// One run over every package: workspace imports resolve to `src` through the "source" condition.
export default defineConfig({
  resolve: { conditions: ['source'] },
  ssr: { resolve: { conditions: ['source'] } },
  test: {
    include: [
      '{packages,apps,bench}/*/src/**/*.test.ts',
      '{packages,apps,bench}/*/test/**/*.test.ts',
      'bench/src/**/*.test.ts',
    ],
    typecheck: {
      enabled: true,
      include: ['{packages,apps}/*/src/**/*.test-d.ts'],
      tsconfig: './tsconfig.check.json',
    },
    reporters: ['default', ['json', { outputFile: 'reports/vitest.json' }]],
    testTimeout: 30_000,
    hookTimeout: 120_000,
  },
})

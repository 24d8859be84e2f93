import { defineConfig } from 'vitest/config'

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    // End-to-end tests run whole commands over a few hundred pages: a busy two-core machine can
    // take several times their usual second or two.
    testTimeout: 30_000,
  },
})

import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    // Unit and Node integration tests only; e2e/ belongs to Playwright.
    include: ['tests/**/*.test.ts'],
    environment: 'node',
    testTimeout: 120_000,
    hookTimeout: 300_000,
  },
});

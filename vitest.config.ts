import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: [
      'packages/*/src/**/*.test.ts',
      'apps/*/src/**/*.test.ts',
      'apps/web/scripts/**/*.test.ts',
      'e2e/**/*.test.ts',
      'bench/**/*.test.ts',
      'test/**/*.test.ts',
    ],
    globalSetup: ['./test/global-setup.ts'],
    testTimeout: process.env.CI === 'true' ? 60_000 : 30_000, // CI: two cores shared with PostgreSQL and Chromium
    hookTimeout: 120_000,
    pool: 'forks',
    maxWorkers: 2,
  },
});

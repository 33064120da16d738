import { defineConfig } from 'vitest/config';

// The browser suite: the built dashboard in Debian's chromium via playwright-core (slow; own script).
export default defineConfig({
  test: {
    root: '.',
    include: ['tests/browser/**/*.test.ts'],
    testTimeout: 180_000,
    expect: { poll: { timeout: 30_000, interval: 200 } },
    hookTimeout: 180_000,
    pool: 'forks',
    fileParallelism: false,
    globalSetup: ['tests/pg-setup.ts'],
  },
});

import '../../scripts/node20-polyfills';
import { defineConfig } from 'vitest/config';

// End-to-end tests: the built extension in the system Chromium, against real servers on 127.0.0.1.
// One file at a time: the machines have two cores and each file runs its own browser.
export default defineConfig({
  test: {
    include: ['tests/e2e/**/*.e2e.test.ts'],
    environment: 'node',
    globalSetup: ['tests/e2e/global-setup.ts'],
    fileParallelism: false,
    testTimeout: 120_000,
    hookTimeout: 180_000,
  },
});

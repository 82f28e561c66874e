import '../scripts/node20-polyfills.ts';
import { defineConfig } from 'vitest/config';

// The hub's tests, in Node without the extension's WXT plugin. Every suite runs on embedded PGlite and on a real
// PostgreSQL server that the global setup starts in a private data directory.
export default defineConfig({
  test: {
    root: import.meta.dirname,
    include: ['**/*.test.ts'],
    environment: 'node',
    globalSetup: ['test/postgres-server.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});

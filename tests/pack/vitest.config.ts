import { resolve } from 'node:path';
import { defineConfig } from 'vitest/config';

/**
 * The packaging checks (`npm run test:pack`, after `build:lib`): they read `dist/` and pack it,
 * so they run apart from the source-level projects in the root vitest.config.ts.
 */
export default defineConfig({
  test: {
    name: 'pack',
    root: resolve(import.meta.dirname, '../..'),
    include: ['tests/pack/**/*.test.ts'],
    environment: 'node',
    // The smoke test installs, type-checks, builds and loads a whole app.
    testTimeout: 240_000,
    hookTimeout: 240_000,
  },
});

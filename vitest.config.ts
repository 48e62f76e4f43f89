import react from '@vitejs/plugin-react';
import { playwright } from '@vitest/browser-playwright';
import { storybookTest } from '@storybook/addon-vitest/vitest-plugin';
import { packageAliases } from './aliases.ts';
import { defineConfig } from 'vitest/config';
import { chromiumArgs, chromiumExecutablePath } from './tests/support/chromium.ts';

function chromium() {
  return {
    enabled: true,
    headless: true,
    provider: playwright({
      launchOptions: { executablePath: chromiumExecutablePath(), args: chromiumArgs },
    }),
    instances: [{ browser: 'chromium' as const }],
    viewport: { width: 1280, height: 800 },
  };
}

export default defineConfig({
  plugins: [react()],
  resolve: { alias: packageAliases },
  // The mock service worker script lives with the demo.
  publicDir: 'demo/public',
  // Pre-bundled with React from the start: found late, a dependency is optimised on its own and
  // gets a second copy of React (hooks then fail with "reading 'useState'" on a fresh machine).
  optimizeDeps: { include: ['@radix-ui/react-use-controllable-state'] },
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          environment: 'node',
          include: ['tests/unit/**/*.test.ts', 'tests/contract/**/*.test.ts'],
        },
      },
      // The same contract suite against the reference server (in-process, PGlite; PostgreSQL with
      // CONTRACT_DATABASE_URL). Left out: suites about the mock itself (MSW overrides of every
      // status, scenarios, store sharing between windows). The OAuth suites run on both: on this
      // target against the stand-in authorization server (oidc-provider).
      {
        extends: true,
        test: {
          name: 'contract-server',
          environment: 'node',
          include: ['tests/contract/**/*.test.ts'],
          exclude: [
            'tests/contract/http-errors.test.ts',
            'tests/contract/mock-*.test.ts',
            'tests/contract/scenarios.test.ts',
          ],
          env: { CONTRACT_TARGET: 'server' },
          // One PGlite per worker takes seconds to start (more on a busy machine): the first
          // test of a worker pays for it.
          maxWorkers: 2,
          testTimeout: 30_000,
        },
      },
      {
        extends: true,
        test: {
          name: 'server',
          environment: 'node',
          include: ['server/test/**/*.test.ts'],
          maxWorkers: 2,
          testTimeout: 30_000,
        },
      },
      {
        extends: true,
        test: {
          name: 'browser',
          include: ['tests/browser/**/*.test.{ts,tsx}'],
          setupFiles: ['tests/browser/setup.ts'],
          browser: chromium(),
        },
      },
      {
        extends: true,
        plugins: [storybookTest({ configDir: '.storybook' })],
        test: { name: 'storybook', browser: chromium() },
      },
      // The same stories, play functions and accessibility checks in the dark theme.
      {
        extends: true,
        plugins: [storybookTest({ configDir: '.storybook', initialGlobals: { theme: 'dark' } })],
        test: { name: 'storybook-dark', browser: chromium() },
      },
    ],
  },
});

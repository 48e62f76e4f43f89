import { defineConfig } from '@playwright/test';
import { chromiumArgs, chromiumExecutablePath } from './tests/support/chromium.ts';

const port = 4180;
const origin = `http://127.0.0.1:${port}`;
// Read by the journeys (tests/e2e/support/fresh-start.ts), in every worker that loads this file.
process.env.E2E_BACKEND = 'stack';
process.env.E2E_BASE_URL = origin;

/**
 * The OAuth journeys of the e2e suite on the full stack: the demo built for the server, the
 * reference server on a fresh PGlite directory, the stand-in provider APIs and the stand-in
 * authorization server (oidc-provider) — real popups, real code exchange. Each journey takes a
 * tenant of its own (`freshStart`), so journeys never see each other's credentials.
 */
export default defineConfig({
  testDir: 'tests/e2e',
  testMatch: [
    'oauth.spec.ts',
    'oauth-popup-severed.spec.ts',
    'oauth-reauthorize.spec.ts',
    'oauth-scopes.spec.ts',
    'api-key.spec.ts',
  ],
  fullyParallel: false,
  workers: 1,
  retries: 0,
  forbidOnly: true,
  reporter: [['list']],
  timeout: 45_000,
  expect: { timeout: 10_000 },
  use: {
    baseURL: origin,
    trace: 'off',
    launchOptions: { executablePath: chromiumExecutablePath(), args: chromiumArgs },
  },
  webServer: {
    command:
      `rm -rf .tmp/e2e-stack && PORT=${port} HOST=127.0.0.1 PUBLIC_ORIGIN=${origin} ` +
      'PIPELINE_CONNECT_DATA_DIR=.tmp/e2e-stack PIPELINE_CONNECT_STATIC_DIR=dist-stack ' +
      // Access tokens due for refresh at once, so the sweep's refresh happens within a journey.
      'PIPELINE_CONNECT_DEV_ACCESS_TOKEN_TTL=30 ' +
      'npx tsx server/src/cli.ts start',
    url: `${origin}/api/providers`,
    reuseExistingServer: false,
    timeout: 120_000,
  },
});

import { defineConfig } from '@playwright/test';
import { chromiumArgs, chromiumExecutablePath } from '../support/chromium.ts';

const port = 6116;

/**
 * Every Docs page of the static Storybook build (`npm run build-storybook` first; the
 * `test:storybook-docs` script does both). One browser, one page at a time: the machines that run
 * it have two cores, and each dialog page opens a frame per story.
 */
export default defineConfig({
  testDir: '.',
  testMatch: '*.spec.ts',
  fullyParallel: false,
  workers: 1,
  retries: 0,
  forbidOnly: true,
  reporter: 'list',
  timeout: 120_000,
  expect: { timeout: 10_000 },
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    viewport: { width: 1280, height: 900 },
    trace: 'off',
    launchOptions: { executablePath: chromiumExecutablePath(), args: chromiumArgs },
  },
  webServer: {
    command: `npx tsx tests/storybook-docs/serve-static.ts storybook-static ${port}`,
    cwd: '../..',
    url: `http://127.0.0.1:${port}/index.json`,
    // Always our own server over this build, never something else left on the port.
    reuseExistingServer: false,
    timeout: 30_000,
  },
});

import { fileURLToPath } from 'node:url';
import { defineConfig } from '@playwright/test';
import { chromiumArgs, chromiumExecutablePath } from '../support/chromium.ts';

const port = 4173;

/**
 * The README's screenshots (`docs/screenshots/*.png`), taken from the built demo served by
 * `vite preview` as the e2e suite serves it. Not a test: not part of `npm test`; run it after
 * `npm run build:demo` when the UI changes.
 */
export default defineConfig({
  testDir: '.',
  testMatch: '*.screenshots.ts',
  fullyParallel: false,
  workers: 1,
  retries: 0,
  forbidOnly: true,
  reporter: [['list']],
  timeout: 30_000,
  expect: { timeout: 7_000 },
  use: {
    baseURL: `http://localhost:${port}`,
    trace: 'off',
    viewport: { width: 1280, height: 800 },
    deviceScaleFactor: 1,
    launchOptions: { executablePath: chromiumExecutablePath(), args: chromiumArgs },
  },
  webServer: {
    command: `npx vite preview --port ${port} --strictPort`,
    // The command runs where this file is; vite.config.ts (and dist-demo) are at the root.
    cwd: fileURLToPath(new URL('../..', import.meta.url)),
    url: `http://localhost:${port}`,
    reuseExistingServer: !process.env.CI,
    timeout: 60_000,
  },
});

/*
 * `npm run bench` (see bench/README.md). The bench is TypeScript and reuses the tests' Chromium
 * settings (tests/support/chromium.ts), so it runs through Vite's module runner, which
 * transpiles TypeScript on the fly; this file only starts it.
 */
import { fileURLToPath } from 'node:url';
import { runnerImport } from 'vite';

const entry = fileURLToPath(new URL('./node/main.ts', import.meta.url));
const { module } = await runnerImport(entry);
// runnerImport resolves a dev-server config, which sets NODE_ENV to "development" for the
// rest of the process; every build the bench then made used React's development build and the
// dev JSX runtime, which is not what a host ships. The bench measures production builds.
process.env.NODE_ENV = 'production';
try {
  await module.main();
} catch (error) {
  process.stderr.write(`bench failed: ${error instanceof Error ? error.stack : error}\n`);
  process.exitCode = 1;
}

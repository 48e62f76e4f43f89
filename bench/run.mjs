/*
 * `npm run bench` (see bench/README.md). The bench is TypeScript and reuses the tests' Chromium
 * settings (tests/support/chromium.ts), so it runs through Vite's module runner, which
 * transpiles TypeScript on the fly; this file only starts it.
 */
import { fileURLToPath } from 'node:url';
import { runnerImport } from 'vite';

const entry = fileURLToPath(new URL('./node/main.ts', import.meta.url));
const { module } = await runnerImport(entry);
try {
  await module.main();
} catch (error) {
  process.stderr.write(`bench failed: ${error instanceof Error ? error.stack : error}\n`);
  process.exitCode = 1;
}

import { resolve } from 'node:path';
import { build } from 'vite';

const root = resolve(import.meta.dirname, '../..');

/** Where the pages are built (under the git-ignored .tmp/, see vite.bench.config.ts). */
export const pageDirs = {
  production: resolve(root, '.tmp/bench/page'),
  profiling: resolve(root, '.tmp/bench/page-profiling'),
};

/** Builds the bench page twice: React's production build, and its profiling build. */
export async function buildPages(): Promise<void> {
  for (const mode of ['production', 'profiling'] as const) {
    await build({
      configFile: resolve(root, 'vite.bench.config.ts'),
      mode,
      logLevel: 'error',
      build: { chunkSizeWarningLimit: 10_000 },
    });
  }
}

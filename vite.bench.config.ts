import { resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { packageAliases } from './aliases.ts';

const root = import.meta.dirname;

/**
 * The benchmark page (`bench/page`), built by `npm run bench`: the library from its sources via
 * the package aliases, on the MSW mock backend. `--mode profiling` builds the same page with
 * React's profiling build, the only one in which `<Profiler>` reports; timings always use the
 * plain production build.
 */
export default defineConfig(({ mode }) => {
  const profiling = mode === 'profiling';
  return {
    root: resolve(root, 'bench/page'),
    base: '/',
    plugins: [react()],
    resolve: {
      alias: [
        ...(profiling ? [{ find: /^react-dom\/client$/, replacement: 'react-dom/profiling' }] : []),
        ...packageAliases,
      ],
    },
    build: {
      outDir: resolve(root, '.tmp/bench', profiling ? 'page-profiling' : 'page'),
      emptyOutDir: true,
      reportCompressedSize: false,
    },
  };
});

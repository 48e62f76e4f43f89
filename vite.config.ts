import { resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import { packageAliases } from './aliases.ts';
import { defineConfig } from 'vite';

/**
 * The demo app (root `demo/`): the pipeline canvas, the OAuth completion page and the mock
 * provider's consent page, all on the MSW backend. The library build lives in vite.lib.config.ts.
 */
export default defineConfig(({ mode }) => ({
  root: resolve(import.meta.dirname, 'demo'),
  plugins: [react()],
  resolve: { alias: packageAliases },
  server: { port: 5173 },
  preview: { port: 4173 },
  build: {
    // `stack`: the demo that `npm start` serves with the reference server (no mock worker).
    outDir: resolve(import.meta.dirname, mode === 'stack' ? 'dist-stack' : 'dist-demo'),
    emptyOutDir: true,
    rollupOptions: {
      input: {
        main: resolve(import.meta.dirname, 'demo/index.html'),
        oauthCallback: resolve(import.meta.dirname, 'demo/oauth-callback.html'),
        oauthProvider: resolve(import.meta.dirname, 'demo/oauth-provider/authorize.html'),
      },
    },
  },
}));

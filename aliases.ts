import { resolve } from 'node:path';

const root = import.meta.dirname;

/**
 * The demo, stories and tests import the library by its package name, exactly as a host would,
 * so they can only use the public API. These aliases point those names at the sources.
 */
export const packageAliases = [
  { find: /^pipeline-connect\/styles\.css$/, replacement: resolve(root, 'src/styles.css') },
  { find: /^pipeline-connect\/oauth$/, replacement: resolve(root, 'src/oauth-entry.ts') },
  { find: /^pipeline-connect\/mocks\/browser$/, replacement: resolve(root, 'mocks/browser.ts') },
  { find: /^pipeline-connect\/mocks$/, replacement: resolve(root, 'mocks/index.ts') },
  { find: /^pipeline-connect$/, replacement: resolve(root, 'src/index.ts') },
];

import { execFile } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative, resolve } from 'node:path';
import { promisify } from 'node:util';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';
import pkg from './package.json' with { type: 'json' };

const root = import.meta.dirname;
const outDir = resolve(root, 'dist');
const typesDir = resolve(outDir, 'types');

const external = [
  ...Object.keys(pkg.peerDependencies),
  ...Object.keys(pkg.dependencies),
  'msw',
  'openapi-msw',
];

/**
 * The npm library: ESM for each entry of `exports` (`.`, `./oauth`, `./mocks`, `./mocks/browser`;
 * code they share goes to chunks of its own, and what `.` loads on demand — the dialogs, the
 * toasts, the rename form — to chunks behind `import()`), one `styles.css` (src/styles.css with
 * its `@import`s inlined), and the type declarations. Dependencies stay external.
 */
export default defineConfig({
  plugins: [react(), declarations()],
  publicDir: false,
  build: {
    outDir,
    emptyOutDir: true,
    sourcemap: true,
    // A CSS entry needs code splitting on; nothing in the JS entries imports CSS, so the
    // stylesheet is exactly `styles.css`. Left readable: its comments document the theme.
    cssCodeSplit: true,
    cssMinify: false,
    lib: {
      entry: {
        index: resolve(root, 'src/index.ts'),
        oauth: resolve(root, 'src/oauth-entry.ts'),
        mocks: resolve(root, 'mocks/index.ts'),
        'mocks-browser': resolve(root, 'mocks/browser.ts'),
        styles: resolve(root, 'src/styles.css'),
      },
      formats: ['es'],
    },
    rolldownOptions: {
      external: (id) => external.some((name) => id === name || id.startsWith(`${name}/`)),
      // The declarations plugin runs tsc inside a hook: it is meant to take most of the build.
      checks: { bundlerTimings: false },
      /*
       * The code an entry shares with its lazy chunks (the dialogs, the toasts) stays in the
       * entry's own file, which the lazy chunks import; the entry then also exports those
       * bindings under short internal names (not in its declarations, so not API). 'strict'
       * would move that code to extra chunks instead: more requests and a worse gzip.
       */
      preserveEntrySignatures: 'allow-extension',
    },
  },
});

/**
 * Emits the declarations with `tsc -p tsconfig.build.json` once the bundle is written, then
 * gives every relative specifier in them its explicit `.js` (or `/index.js`) extension. tsc
 * keeps specifiers as written (extensionless) and writes a bare `..` or `.` (a folder's index)
 * into a type it infers: both resolve only for `moduleResolution: bundler` consumers; with
 * extensions they resolve under `node16`/`nodenext` too. A specifier that points at no emitted file fails the
 * build. A package the host has only through a peer is renamed to that peer (`reExportedBy`).
 */
function declarations(): Plugin {
  return {
    name: 'pipeline-connect:declarations',
    apply: 'build',
    async writeBundle() {
      const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
      try {
        await promisify(execFile)(process.execPath, [tsc, '-p', 'tsconfig.build.json'], {
          cwd: root,
        });
      } catch (error) {
        const { stdout = '', stderr = '' } = error as { stdout?: string; stderr?: string };
        throw new Error(`tsc -p tsconfig.build.json failed:\n${stdout}${stderr}`);
      }
      for (const file of declarationFiles(typesDir)) {
        const source = readFileSync(file, 'utf8');
        const rewritten = source
          .replace(
            /(\bfrom\s*|\bimport\s*\(\s*|\bimport\s+)(['"])(\.{1,2}(?:\/[^'"]*)?)\2/g,
            (_match, lead: string, quote: string, specifier: string) =>
              `${lead}${quote}${withExtension(file, specifier)}${quote}`,
          )
          .replace(
            /(\bfrom\s*|\bimport\s*\(\s*)(['"])([^'"]+)\2/g,
            (match, lead: string, quote: string, specifier: string) => {
              const peer = reExportedBy[specifier];
              return peer ? `${lead}${quote}${peer}${quote}` : match;
            },
          );
        if (rewritten !== source) writeFileSync(file, rewritten);
      }
    },
  };
}

/**
 * tsc names an inferred type by the package that declares it, even one the host has only as a
 * dependency of a peer (`WithRequired` in the mutation options is `@tanstack/query-core`'s). A
 * strict install (pnpm) does not let the host resolve that package, so the declarations name the
 * peer instead, which re-exports all of it (`export * from '@tanstack/query-core'`).
 */
const reExportedBy: Record<string, string> = {
  '@tanstack/query-core': '@tanstack/react-query',
};

function* declarationFiles(dir: string): Generator<string> {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* declarationFiles(path);
    else if (entry.name.endsWith('.d.ts')) yield path;
  }
}

function withExtension(file: string, specifier: string): string {
  const target = resolve(dirname(file), specifier);
  if (specifier.endsWith('.js') && existsSync(target.replace(/\.js$/, '.d.ts'))) return specifier;
  // `.` and `..` name a folder, never the file beside it.
  if (specifier !== '.' && specifier !== '..' && existsSync(`${target}.d.ts`)) {
    return `${specifier}.js`;
  }
  if (existsSync(join(target, 'index.d.ts'))) return `${specifier}/index.js`;
  throw new Error(`${relative(root, file)}: '${specifier}' points at no emitted declaration file.`);
}

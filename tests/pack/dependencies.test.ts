import { existsSync, readFileSync } from 'node:fs';
import { dirname, relative, resolve } from 'node:path';
import ts from 'typescript';
import { describe, expect, test } from 'vitest';
import pkg from '../../package.json' with { type: 'json' };

/*
 * What a host's install must provide is what `dist/` imports: every package its JavaScript or
 * its declarations name has to be one the manifest declares, or the host gets a missing module
 * (or, in declarations, types that silently turn to `any`). npm's flat node_modules would hide a
 * transitive package in the smoke test; strict installs (pnpm) would not, so it is checked here.
 */

const root = resolve(import.meta.dirname, '../..');
const optionalPeers = Object.keys(pkg.peerDependenciesMeta);
const declared = new Set([...Object.keys(pkg.dependencies), ...Object.keys(pkg.peerDependencies)]);

interface Entry {
  types: string;
  import: string;
}

const entries = Object.entries(pkg.exports).filter(
  (pair): pair is [string, Entry] => typeof pair[1] === 'object',
);

/** The packages a file and every file it reaches by relative imports name, by the file naming them. */
function packagesReachedFrom(entry: string): Map<string, string> {
  const packages = new Map<string, string>();
  const seen = new Set<string>();
  const queue = [resolve(root, entry)];
  for (let file = queue.pop(); file !== undefined; file = queue.pop()) {
    if (seen.has(file)) continue;
    seen.add(file);
    const { importedFiles } = ts.preProcessFile(readFileSync(file, 'utf8'), true, true);
    for (const { fileName: specifier } of importedFiles) {
      if (specifier.startsWith('.')) {
        const target = resolve(dirname(file), specifier);
        const declaration = target.replace(/\.js$/, '.d.ts');
        queue.push(file.endsWith('.d.ts') && existsSync(declaration) ? declaration : target);
      } else {
        const name = specifier
          .split('/')
          .slice(0, specifier.startsWith('@') ? 2 : 1)
          .join('/');
        packages.set(name, relative(root, file));
      }
    }
  }
  return packages;
}

describe.each(entries)('the %s entry', (subpath, entry) => {
  for (const kind of ['import', 'types'] as const) {
    test(`names only declared packages in its ${kind === 'import' ? 'JavaScript' : 'declarations'}`, () => {
      const undeclared = [...packagesReachedFrom(entry[kind])]
        .filter(([name]) => !declared.has(name))
        .map(([name, file]) => `${name} (in ${file})`);
      expect(undeclared).toEqual([]);
    });
  }

  // The mock's entries (`./mocks`, `./mocks/browser`) are the only ones MSW is for.
  if (subpath !== './mocks' && !subpath.startsWith('./mocks/')) {
    test('never needs the optional peers (MSW) that only ./mocks uses', () => {
      const reached = [
        ...packagesReachedFrom(entry.import).keys(),
        ...packagesReachedFrom(entry.types).keys(),
      ];
      expect(reached.filter((name) => optionalPeers.includes(name))).toEqual([]);
    });
  }
});

test('every runtime dependency is used by the built JavaScript', () => {
  const used = new Set(
    entries.flatMap(([, entry]) => [...packagesReachedFrom(entry.import).keys()]),
  );
  expect(Object.keys(pkg.dependencies).filter((name) => !used.has(name))).toEqual([]);
});

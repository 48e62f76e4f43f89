import { resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import react from '@vitejs/plugin-react';
import { build, minify, type Rolldown } from 'vite';
import { packageAliases } from '../../../aliases';
import pkg from '../../../package.json' with { type: 'json' };
import { budgets } from '../config';
import { summarize } from '../stats';
import type { FigureResult, Row } from '../types';

const root = resolve(import.meta.dirname, '../../..');
const outRoot = resolve(root, '.tmp/bench');
const peers = Object.keys(pkg.peerDependencies);

const kb = (bytes: number) => bytes / 1024;
const gzip = (code: string | Uint8Array) => gzipSync(code, { level: 9 }).length;

function outputsOf(result: Awaited<ReturnType<typeof build>>): Rolldown.OutputBundle[string][] {
  const outputs = Array.isArray(result) ? result : [result];
  return outputs.flatMap((output) => ('output' in output ? output.output : []));
}

type Chunk = Extract<Rolldown.OutputBundle[string], { type: 'chunk' }>;

interface EntryChunks {
  /** The entry chunk and every chunk it imports statically: what a host loads up front. */
  initial: Chunk[];
  /** Chunks only reachable through `import()`: loaded when first needed (lazy dialogs). */
  lazy: Chunk[];
}

/** The chunks of the entry named `name` (default: the only entry), split by how they load. */
function chunksOf(files: Rolldown.OutputBundle[string][], name?: string): EntryChunks {
  const chunks = new Map(
    files.filter((file): file is Chunk => file.type === 'chunk').map((c) => [c.fileName, c]),
  );
  const entry = [...chunks.values()].find(
    (chunk) => chunk.isEntry && (name === undefined || chunk.name === name),
  );
  if (!entry) throw new Error(`no entry chunk ${name ?? ''}`);
  const reach = (from: Chunk[], follow: (chunk: Chunk) => readonly string[]) => {
    const seen = new Map<string, Chunk>();
    const visit = (chunk: Chunk) => {
      if (seen.has(chunk.fileName)) return;
      seen.set(chunk.fileName, chunk);
      for (const imported of follow(chunk)) {
        const next = chunks.get(imported);
        if (next) visit(next);
      }
    };
    from.forEach(visit);
    return [...seen.values()];
  };
  const initial = reach([entry], (chunk) => chunk.imports);
  const everything = reach([entry], (chunk) => [...chunk.imports, ...chunk.dynamicImports]);
  return { initial, lazy: everything.filter((chunk) => !initial.includes(chunk)) };
}

/**
 * Vite does not minify whitespace in an ES library build (it would strip the pure annotations
 * hosts tree-shake with), so the figure minifies the output itself, with Vite's own minifier.
 */
async function minifiedGzip(chunks: Chunk[]): Promise<{ min: number; gzip: number }> {
  let min = 0;
  let gz = 0;
  for (const chunk of chunks) {
    const result = await minify(chunk.fileName, chunk.code, { module: true });
    if (result.errors.length > 0) throw new Error(`minify ${chunk.fileName}: ${result.errors[0]}`);
    min += result.code.length;
    gz += gzip(result.code);
  }
  return { min, gzip: gz };
}

/** The package a module comes from (pre-minification bytes), to say what the bytes are. */
function byPackage(chunks: Chunk[]): Record<string, number> {
  const sizes: Record<string, number> = {};
  for (const chunk of chunks) {
    for (const [id, info] of Object.entries(chunk.modules)) {
      const match = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(id);
      const name = match ? match[1]! : 'pipeline-connect (src)';
      sizes[name] = (sizes[name] ?? 0) + info.renderedLength;
    }
  }
  return sizes;
}

/** The shipped build: the project's own vite.lib.config.ts (every dependency external). */
async function shippedBuild() {
  const result = await build({
    configFile: resolve(root, 'vite.lib.config.ts'),
    logLevel: 'error',
    build: { outDir: resolve(outRoot, 'lib-shipped'), emptyOutDir: true, sourcemap: false },
  });
  const files = outputsOf(result);
  const css = files.find((file) => file.type === 'asset' && file.fileName.endsWith('.css'));
  return { chunks: chunksOf(files, 'index'), emitsCss: css !== undefined };
}

/** Every export plus the stylesheet, with only the peer dependencies left external. */
async function bundledBuild() {
  const result = await build({
    configFile: false,
    logLevel: 'error',
    plugins: [react()],
    resolve: { alias: packageAliases },
    // What a host's production build does with the dependencies' development-only branches.
    define: { 'process.env.NODE_ENV': JSON.stringify('production') },
    build: {
      outDir: resolve(outRoot, 'lib-bundled'),
      emptyOutDir: true,
      cssCodeSplit: false,
      cssMinify: true,
      lib: {
        entry: resolve(root, 'bench/bundle/entry.ts'),
        formats: ['es'],
        fileName: 'index',
        cssFileName: 'styles',
      },
      rolldownOptions: {
        external: (id) => peers.some((name) => id === name || id.startsWith(`${name}/`)),
      },
    },
  });
  const files = outputsOf(result);
  const css = files.find((file) => file.type === 'asset' && file.fileName.endsWith('.css'));
  if (!css || css.type !== 'asset') throw new Error('the bundled build emitted no CSS');
  return { chunks: chunksOf(files), css: css.source };
}

/**
 * Figure 5: the library's JS (dependencies external; non-peer dependencies bundled) and CSS.
 * The budgets apply to what a host loads up front; chunks behind `import()` (lazy dialogs) are
 * shown beside it, so moving code behind one cannot make weight disappear from the report.
 */
export async function bundleSize(): Promise<FigureResult> {
  const shipped = await shippedBuild();
  const bundled = await bundledBuild();
  const shippedSize = await minifiedGzip(shipped.chunks.initial);
  const bundledSize = await minifiedGzip(bundled.chunks.initial);
  const shippedLazy = await minifiedGzip(shipped.chunks.lazy);
  const bundledLazy = await minifiedGzip(bundled.chunks.lazy);
  const cssGzip = gzip(bundled.css);

  const packages = byPackage(bundled.chunks.initial);
  const totalRendered = Object.values(packages).reduce((sum, bytes) => sum + bytes, 0);
  // Attribute the gzipped total in proportion to each package's share of the bundle.
  const shares = Object.entries(packages)
    .sort(([, a], [, b]) => b - a)
    .map(([name, bytes]) => ({
      name,
      approxGzipKb: Number(kb((bytes / totalRendered) * bundledSize.gzip).toFixed(1)),
    }));

  const single = (value: number) => summarize([Number(kb(value).toFixed(1))]);
  const row = (metric: string, gzipBytes: number, budgetKb: number | null): Row => ({
    figure: '5 Bundle',
    metric,
    unit: 'KB',
    library: single(gzipBytes),
    baseline: null,
    ratio: null,
    budget:
      budgetKb === null ? null : { text: `≤ ${budgetKb} KB`, pass: kb(gzipBytes) <= budgetKb },
  });
  return {
    rows: [
      row(
        'JS min+gzip up front, dependencies external (vite.lib.config.ts)',
        shippedSize.gzip,
        budgets.bundleExternalKb,
      ),
      row(
        'JS min+gzip up front, non-peer dependencies bundled',
        bundledSize.gzip,
        budgets.bundleWithDependenciesKb,
      ),
      ...(bundled.chunks.lazy.length > 0
        ? [
            row('JS loaded on demand (import()), dependencies external', shippedLazy.gzip, null),
            row(
              'JS loaded on demand (import()), non-peer dependencies bundled',
              bundledLazy.gzip,
              null,
            ),
          ]
        : []),
      row('CSS min+gzip (src/styles.css)', cssGzip, null),
    ],
    details: {
      shipped: { minBytes: shippedSize.min, gzipBytes: shippedSize.gzip },
      bundled: { minBytes: bundledSize.min, gzipBytes: bundledSize.gzip },
      lazy: {
        shipped: { chunks: shipped.chunks.lazy.length, gzipBytes: shippedLazy.gzip },
        bundled: { chunks: bundled.chunks.lazy.length, gzipBytes: bundledLazy.gzip },
      },
      cssGzipBytes: cssGzip,
      cssMinBytes: bundled.css.length,
      libBuildEmitsCss: shipped.emitsCss,
      bundledByPackageApprox: shares,
    },
    notes: [
      `Bundled JS up front by package (≈ gzip KB): ${shares
        .slice(0, 8)
        .map((share) => `${share.name} ${share.approxGzipKb}`)
        .join(', ')}.`,
      ...(shipped.emitsCss
        ? []
        : [
            'vite.lib.config.ts emits no styles.css (nothing in src/index.ts imports ' +
              'src/styles.css); the CSS figure comes from the bench build.',
          ]),
    ],
  };
}

import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { chromium } from 'playwright';
import { preview, type PreviewServer } from 'vite';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { chromiumArgs, chromiumExecutablePath } from '../support/chromium.ts';

/*
 * The published package as a host meets it: `npm pack` the library, install the tarball into a
 * fresh app next to the peer dependencies, then type-check (strict, declarations included),
 * build with Vite and render the canvas in Chromium. The app imports the library only through
 * its package exports: 'pipeline-connect', 'pipeline-connect/styles.css', 'pipeline-connect/mocks',
 * and (type-checked, and loaded by Node) 'pipeline-connect/oauth' and 'pipeline-connect/mocks/browser'.
 */

const root = resolve(import.meta.dirname, '../..');
let workDir = '';
let app = '';

/** Runs a command, failing with its output. `npm run` leaks the repo's npm settings, so none pass on. */
async function run(file: string, args: string[], cwd: string): Promise<string> {
  const env = Object.fromEntries(
    Object.entries(process.env).filter(
      ([name]) => !/^npm_(package_|lifecycle_|command$|config_local_prefix$)/i.test(name),
    ),
  );
  try {
    const { stdout } = await promisify(execFile)(file, args, {
      cwd,
      env,
      maxBuffer: 64 * 1024 * 1024,
    });
    return stdout;
  } catch (error) {
    const { stdout = '', stderr = '' } = error as { stdout?: string; stderr?: string };
    throw new Error(`${file} ${args.join(' ')} failed in ${cwd}:\n${stdout}\n${stderr}`);
  }
}

/** The version this repository has installed, so the app's install is served from npm's cache. */
async function installed(name: string): Promise<string> {
  const manifest = JSON.parse(
    await readFile(join(root, 'node_modules', name, 'package.json'), 'utf8'),
  );
  return (manifest as { version: string }).version;
}

async function versions(names: string[]): Promise<Record<string, string>> {
  return Object.fromEntries(
    await Promise.all(names.map(async (name) => [name, await installed(name)])),
  );
}

const main = `import '@xyflow/react/dist/style.css';
import 'pipeline-connect/styles.css';
import { getResponse } from 'msw';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import {
  PipelineCanvas,
  PipelineConnectProvider,
  createHttpCredentialsBackend,
  type Pipeline,
} from 'pipeline-connect';
import { createHandlers, createMockStore } from 'pipeline-connect/mocks';

// The mock backend answers in-process: MSW's handlers behind the adapter's fetch.
const handlers = createHandlers({ store: createMockStore({ seed: 'mixed' }) });
const backend = createHttpCredentialsBackend({
  baseUrl: '/api',
  fetch: async (request) =>
    (await getResponse(handlers, request)) ?? new Response(null, { status: 404 }),
});

const pipeline: Pipeline = {
  nodes: [
    { id: 'notion', type: 'dataSource', position: { x: 0, y: 0 }, data: { providerId: 'notion', credentialId: null } },
    { id: 'onedrive', type: 'dataSource', position: { x: 0, y: 120 }, data: { providerId: 'onedrive', credentialId: null } },
    { id: 'kb', type: 'knowledgeBase', position: { x: 360, y: 60 }, data: { label: 'Knowledge Base' } },
  ],
  edges: [
    { id: 'notion->kb', source: 'notion', target: 'kb' },
    { id: 'onedrive->kb', source: 'onedrive', target: 'kb' },
  ],
};

const container = document.getElementById('root');
if (!container) throw new Error('no #root');
createRoot(container).render(
  <StrictMode>
    <PipelineConnectProvider backend={backend} colorMode="light" locale="en">
      <div style={{ height: 600 }}>
        <PipelineCanvas defaultPipeline={pipeline} />
      </div>
    </PipelineConnectProvider>
  </StrictMode>,
);
`;

/*
 * Checked by tsc only (nothing imports it, so Vite never bundles it): the subpaths' types resolve
 * and work together as a host's own OAuth UI and dev server would use them, and the main entry
 * leaves the low-level flow to `pipeline-connect/oauth`.
 */
const entries = `import type { CredentialsBackend } from 'pipeline-connect';
// @ts-expect-error The low-level OAuth flow is \`pipeline-connect/oauth\`'s, not the main entry's.
import { createOAuthFlowController as notInMain } from 'pipeline-connect';
import {
  completeOAuthPopup,
  createOAuthFlowController,
  oauthChannelName,
  type OAuthCompletionResult,
  type OAuthFlowSnapshot,
} from 'pipeline-connect/oauth';
import { startMockBackend, type MockBackend } from 'pipeline-connect/mocks/browser';

export function watch(backend: CredentialsBackend, onChange: (state: OAuthFlowSnapshot) => void) {
  const controller = createOAuthFlowController({ backend, providerId: 'notion' });
  return controller.subscribe(() => onChange(controller.getSnapshot()));
}
export const complete = (backend: CredentialsBackend): Promise<OAuthCompletionResult> =>
  completeOAuthPopup({ backend });
export const channel: string = oauthChannelName('flow-1');
export const mock: () => Promise<MockBackend> = () => startMockBackend({ quiet: true });
export const missing: unknown = notInMain;
`;

/*
 * Run by Node in the app: every entry loads (or, for the service-worker one, resolves) through
 * the installed package's `exports`, and says what it exports at run time.
 */
const loadEntries = `const [main, oauth, mocks] = await Promise.all([
  import('pipeline-connect'),
  import('pipeline-connect/oauth'),
  import('pipeline-connect/mocks'),
]);
console.log(JSON.stringify({
  main: Object.keys(main),
  oauth: Object.keys(oauth),
  mocks: Object.keys(mocks),
  // \`msw/browser\` needs a service worker: resolved, not run.
  mocksBrowser: import.meta.resolve('pipeline-connect/mocks/browser'),
}));
`;

const tsconfig = {
  compilerOptions: {
    target: 'ES2022',
    lib: ['ES2023', 'DOM', 'DOM.Iterable'],
    module: 'ESNext',
    moduleResolution: 'bundler',
    jsx: 'react-jsx',
    strict: true,
    noEmit: true,
    isolatedModules: true,
    verbatimModuleSyntax: true,
    // The library's declarations are checked too, not only their use.
    skipLibCheck: false,
    types: ['vite/client'],
  },
  include: ['src'],
};

beforeAll(async () => {
  workDir = await mkdtemp(join(tmpdir(), 'pipeline-connect-pack-'));
  app = join(workDir, 'app');
  const [packed] = JSON.parse(
    await run('npm', ['pack', '--json', '--pack-destination', workDir], root),
  ) as { filename: string }[];
  if (!packed) throw new Error('npm pack produced no tarball');

  await mkdir(join(app, 'src'), { recursive: true });
  const manifest = {
    name: 'pipeline-connect-pack-smoke',
    private: true,
    type: 'module',
    dependencies: {
      'pipeline-connect': `file:../${packed.filename}`,
      ...(await versions([
        '@tanstack/react-query',
        '@xyflow/react',
        'msw',
        'openapi-msw',
        'react',
        'react-dom',
      ])),
    },
    devDependencies: await versions([
      '@types/react',
      '@types/react-dom',
      '@vitejs/plugin-react',
      'typescript',
      'vite',
    ]),
  };
  await writeFile(join(app, 'package.json'), JSON.stringify(manifest, null, 2));
  await writeFile(join(app, 'tsconfig.json'), JSON.stringify(tsconfig, null, 2));
  await writeFile(
    join(app, 'vite.config.js'),
    "import react from '@vitejs/plugin-react';\nexport default { plugins: [react()], logLevel: 'warn' };\n",
  );
  await writeFile(
    join(app, 'index.html'),
    '<!doctype html><html lang="en"><head><meta charset="utf-8"><link rel="icon" href="data:,">' +
      '<title>Smoke</title></head>' +
      '<body><div id="root"></div><script type="module" src="/src/main.tsx"></script></body></html>',
  );
  await writeFile(join(app, 'src/main.tsx'), main);
  await writeFile(join(app, 'src/entries.ts'), entries);
  await writeFile(join(app, 'load-entries.mjs'), loadEntries);
  await run('npm', ['install', '--prefer-offline', '--no-audit', '--no-fund'], app);
});

afterAll(async () => {
  if (workDir) await rm(workDir, { recursive: true, force: true });
});

test('the app type-checks against the published declarations (strict)', async () => {
  await run(process.execPath, [join(app, 'node_modules/typescript/bin/tsc'), '-p', app], app);
});

test('each entry loads from the installed package; the low-level OAuth flow is ./oauth alone', async () => {
  const loaded = JSON.parse(await run(process.execPath, ['load-entries.mjs'], app)) as {
    main: string[];
    oauth: string[];
    mocks: string[];
    mocksBrowser: string;
  };
  const lowLevel = [
    'createOAuthFlowController',
    'getSharedOAuthFlowController',
    'OAUTH_MESSAGE_TYPE',
    'oauthChannelName',
    'isOAuthCompletionMessage',
    'completeOAuthPopup',
  ];
  expect(loaded.oauth.toSorted()).toEqual(lowLevel.toSorted());
  expect(loaded.main.filter((name) => lowLevel.includes(name))).toEqual([]);
  // The components built on the flow stay in the main entry.
  expect(loaded.main).toEqual(expect.arrayContaining(['useAddOAuth', 'OAuthStatusDialog']));
  expect(loaded.mocks).toEqual(expect.arrayContaining(['createHandlers', 'createMockStore']));
  expect(loaded.mocksBrowser).toMatch(/\/node_modules\/pipeline-connect\/dist\/mocks-browser\.js$/);
});

test('the app builds with Vite', async () => {
  await run(process.execPath, [join(app, 'node_modules/vite/bin/vite.js'), 'build'], app);
});

test('the built app renders the canvas with its styles and the mock backend', async () => {
  let server: PreviewServer | undefined;
  const browser = await chromium.launch({
    executablePath: chromiumExecutablePath(),
    args: chromiumArgs,
  });
  try {
    server = await preview({
      root: app,
      configFile: false,
      logLevel: 'silent',
      preview: { host: '127.0.0.1', port: 0 },
    });
    const { port } = server.httpServer.address() as AddressInfo;
    const page = await browser.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    page.on('console', (message) => {
      if (message.type() === 'error') errors.push(message.text());
    });
    await page.goto(`http://127.0.0.1:${port}/`);

    await page.locator('.react-flow').waitFor();
    // The mixed dataset has a Notion credential and none for OneDrive.
    await page
      .locator('.pc-data-source-node[data-status="connected"]', { hasText: 'Notion' })
      .waitFor();
    await page
      .locator('.pc-data-source-node[data-status="not-connected"]', { hasText: 'OneDrive' })
      .waitFor();

    const styles = await page.evaluate(() => {
      const themed = document.querySelector('[data-pc-root]');
      const renderer = document.querySelector('.react-flow__renderer');
      return {
        accent: themed ? getComputedStyle(themed).getPropertyValue('--pc-accent').trim() : '',
        renderer: renderer ? getComputedStyle(renderer).position : '',
      };
    });
    expect(styles.accent, "pipeline-connect/styles.css's tokens").not.toBe('');
    expect(styles.renderer, "React Flow's stylesheet").toBe('absolute');
    expect(errors).toEqual([]);
  } finally {
    await browser.close();
    await server?.close();
  }
});

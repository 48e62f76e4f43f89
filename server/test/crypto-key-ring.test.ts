import { execSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtemp, readFile, readdir, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  ConfigurationError,
  DEVELOPMENT_KEY_FILE,
  GENERATE_KEY_COMMAND,
  UnknownKeyIdError,
  assertKeyIdsConfigured,
  createEnvelopeCipher,
  createLocalKeyWrapper,
  loadKeyWrapper,
  parseKeyList,
} from '../src/crypto';
import type { LoadKeyWrapperOptions } from '../src/crypto';

const binding = { table: 'credentials', rowId: 'cred_1', field: 'secret', tenantId: 't1' };

let dataDir: string;
let warnings: string[];

beforeEach(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'pc-crypto-'));
  warnings = [];
});

afterEach(async () => {
  await rm(dataDir, { recursive: true, force: true });
});

function options(overrides: Partial<LoadKeyWrapperOptions> = {}): LoadKeyWrapperOptions {
  return {
    env: {},
    dataDir,
    production: false,
    warn: (message) => warnings.push(message),
    ...overrides,
  };
}

async function expectRefused(promise: Promise<unknown>, message: RegExp): Promise<void> {
  await expect(promise).rejects.toSatisfy(
    (error) => error instanceof ConfigurationError && message.test(error.message),
  );
}

describe('loadKeyWrapper', () => {
  it('uses PIPELINE_CONNECT_KEYS when set (first key active), quietly, without touching disk', async () => {
    const spec = `new:${randomBytes(32).toString('base64')},old:${randomBytes(32).toString('base64')}`;
    for (const production of [true, false]) {
      const wrapper = await loadKeyWrapper(
        options({ env: { PIPELINE_CONNECT_KEYS: spec }, production }),
      );
      expect(wrapper.activeKeyId).toBe('new');
      expect(wrapper.has('old')).toBe(true);
    }
    expect(warnings).toEqual([]);
    expect(await readdir(dataDir)).toEqual([]);
  });

  it('refuses an invalid PIPELINE_CONNECT_KEYS', async () => {
    await expectRefused(
      loadKeyWrapper(options({ env: { PIPELINE_CONNECT_KEYS: 'k1:short' } })),
      /PIPELINE_CONNECT_KEYS entry 1/,
    );
  });

  it.each([
    ['unset', undefined],
    ['blank', '  '],
  ])(
    'refuses to boot in production when the key list is %s, saying how to make one',
    async (_n, value) => {
      const promise = loadKeyWrapper(
        options({ env: { PIPELINE_CONNECT_KEYS: value }, production: true }),
      );
      await expectRefused(promise, /PIPELINE_CONNECT_KEYS is not set; refusing to start/);
      await expect(promise).rejects.toThrow(GENERATE_KEY_COMMAND);
      expect(warnings).toEqual([]);
      expect(await readdir(dataDir)).toEqual([]);
    },
  );

  it('the key-generation command it suggests prints a valid key list', () => {
    const output = execSync(GENERATE_KEY_COMMAND, { encoding: 'utf8' }).trim();
    const keys = parseKeyList(output);
    expect(keys.map((key) => key.id)).toEqual(['k1']);
    expect(() => createLocalKeyWrapper(keys)).not.toThrow();
  });

  it('in development generates a key once into the data directory (0600) and reuses it', async () => {
    const first = await loadKeyWrapper(options());
    const path = join(dataDir, DEVELOPMENT_KEY_FILE);
    const content = await readFile(path, 'utf8');
    expect(content).toMatch(/^dev-[0-9a-f]{8}:[A-Za-z0-9+/]{43}=\n$/);
    if (process.platform !== 'win32') expect((await stat(path)).mode & 0o777).toBe(0o600);
    expect(first.activeKeyId).toBe(content.split(':')[0]);
    expect(await readdir(dataDir)).toEqual([DEVELOPMENT_KEY_FILE]);

    const sealed = await createEnvelopeCipher(first).seal('kept across restarts', binding);
    const second = await loadKeyWrapper(options());
    expect(second.activeKeyId).toBe(first.activeKeyId);
    expect(await readFile(path, 'utf8')).toBe(content);
    expect(await createEnvelopeCipher(second).open(sealed, binding)).toBe('kept across restarts');

    // Loud on every boot, and never with the key itself.
    expect(warnings).toHaveLength(2);
    expect(warnings[0]).toMatch(
      /^WARNING: PIPELINE_CONNECT_KEYS is not set: generated a DEVELOPMENT/,
    );
    expect(warnings[1]).toMatch(/^WARNING: PIPELINE_CONNECT_KEYS is not set: using a DEVELOPMENT/);
    const keyText = content.trim().split(':')[1]!;
    for (const warning of warnings) {
      expect(warning).toContain(path);
      expect(warning).toContain('Never run production like this');
      expect(warning).not.toContain(keyText.slice(0, 10));
    }
  });

  it('creates a missing data directory, and concurrent first boots agree on one key', async () => {
    const nested = join(dataDir, 'a', 'b');
    const wrappers = await Promise.all(
      Array.from({ length: 8 }, () => loadKeyWrapper(options({ dataDir: nested }))),
    );
    expect(new Set(wrappers.map((wrapper) => wrapper.activeKeyId)).size).toBe(1);
    expect(await readdir(nested)).toEqual([DEVELOPMENT_KEY_FILE]);
  });

  it('with an in-memory database uses an ephemeral key and writes nothing', async () => {
    const a = await loadKeyWrapper(options({ dataDir: null }));
    const b = await loadKeyWrapper(options({ dataDir: null }));
    expect(a.activeKeyId).toMatch(/^dev-[0-9a-f]{8}$/);
    expect(b.activeKeyId).not.toBe(a.activeKeyId);
    expect(warnings).toHaveLength(2);
    expect(warnings[0]).toMatch(/^WARNING: .*EPHEMERAL/);
    expect(await readdir(dataDir)).toEqual([]);
  });

  it('refuses a damaged key file, naming it, instead of replacing it', async () => {
    const path = join(dataDir, DEVELOPMENT_KEY_FILE);
    await writeFile(path, 'dev-1:not-a-key\n', { mode: 0o600 });
    await expectRefused(
      loadKeyWrapper(options()),
      /^The development key file .*encryption-key entry 1/,
    );
    expect(await readFile(path, 'utf8')).toBe('dev-1:not-a-key\n');
  });

  it.skipIf(process.platform === 'win32')(
    'warns when the key file is readable by other users',
    async () => {
      const path = join(dataDir, DEVELOPMENT_KEY_FILE);
      await writeFile(path, `dev-1:${randomBytes(32).toString('base64')}\n`, { mode: 0o644 });
      await loadKeyWrapper(options());
      expect(warnings.at(-1)).toMatch(/readable by other users.*chmod 600/);
    },
  );
});

describe('assertKeyIdsConfigured (boot refused on a missing key id)', () => {
  const wrapper = createLocalKeyWrapper([
    { id: 'k2', key: randomBytes(32) },
    { id: 'k1', key: randomBytes(32) },
  ]);

  it('accepts key ids that are all configured (duplicates, or none at all)', () => {
    expect(() => assertKeyIdsConfigured(wrapper, ['k1', 'k2', 'k1'])).not.toThrow();
    expect(() => assertKeyIdsConfigured(wrapper, new Set<string>())).not.toThrow();
  });

  it('refuses naming each missing key id once, and not the configured ones', () => {
    let message = '';
    try {
      assertKeyIdsConfigured(wrapper, ['k1', 'k0', 'old', 'k0', 'k2']);
    } catch (error) {
      expect(error).toBeInstanceOf(ConfigurationError);
      message = (error as Error).message;
    }
    expect(message).toMatch(/key ids "k0", "old", not configured in PIPELINE_CONNECT_KEYS/);
    expect(message).toMatch(/refusing to start/);
    expect(message).not.toMatch(/"k1"|"k2"/);
  });

  it('summarises a long list of missing ids', () => {
    const ids = Array.from({ length: 15 }, (_, index) => `gone${String(index).padStart(2, '0')}`);
    expect(() => assertKeyIdsConfigured(wrapper, ids)).toThrow(/"gone09" and 5 more/);
  });

  it('guards a real boot: values sealed under a key dropped too early', async () => {
    const oldKey = { id: 'k0', key: randomBytes(32) };
    const oldCipher = createEnvelopeCipher(createLocalKeyWrapper([oldKey]));
    const stored = [await oldCipher.seal('a', binding), await oldCipher.seal('b', binding)];

    const booted = await loadKeyWrapper(
      options({ env: { PIPELINE_CONNECT_KEYS: `k1:${randomBytes(32).toString('base64')}` } }),
    );
    const cipher = createEnvelopeCipher(booted);
    const keyIds = stored.map((sealed) => cipher.keyIdOf(sealed));
    expect(() => assertKeyIdsConfigured(booted, keyIds)).toThrow(ConfigurationError);
    expect(() => assertKeyIdsConfigured(booted, keyIds)).toThrow(/"k0"/);
    // What would have happened at request time without the check:
    await expect(cipher.open(stored[0]!, binding)).rejects.toThrow(UnknownKeyIdError);
  });
});

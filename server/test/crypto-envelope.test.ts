import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  DecryptionError,
  UnknownKeyIdError,
  createEnvelopeCipher,
  createLocalKeyWrapper,
} from '../src/crypto';
import type { KeyEncryptionKey, KeyWrapper, SealBinding } from '../src/crypto';

function kek(id: string): KeyEncryptionKey {
  return { id, key: new Uint8Array(randomBytes(32)) };
}

const binding: SealBinding = {
  table: 'credentials',
  rowId: 'cred_01',
  field: 'secret',
  tenantId: 'tenant_a',
};
const SECRET = 'fc-hunter2-secret';
const B64URL = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';

/** Awaits a promise that must reject and returns what it rejected with. */
async function rejection(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('expected a rejection, but the promise resolved');
}

/** Every representation of secret bytes an error message must not contain. */
function representations(bytes: Uint8Array): string[] {
  const buffer = Buffer.from(bytes);
  return [buffer.toString('base64'), buffer.toString('base64url'), buffer.toString('hex')].map(
    // Any 12-character run would be a leak; checking the prefix of each form is enough to catch
    // a whole key or a slice of it that starts at the beginning.
    (text) => text.slice(0, 12),
  );
}

function expectClean(error: unknown, forbidden: readonly string[]): void {
  expect(error).toBeInstanceOf(DecryptionError);
  const text = [
    String(error),
    (error as Error).stack ?? '',
    JSON.stringify(error),
    JSON.stringify(Object.entries(error as object)),
  ].join('\n');
  for (const needle of forbidden) expect(text).not.toContain(needle);
}

describe('envelope cipher: round trip and format', () => {
  const ring = createLocalKeyWrapper([kek('k1')]);
  const cipher = createEnvelopeCipher(ring);

  it.each([
    ['unicode', 'pässwörd — 密钥 🔑 \u{1F469}\u200D\u{1F4BB} \u0000 end'],
    ['an empty string', ''],
    ['4 KB', 'x'.repeat(4096)],
    ['4 KB of multi-byte characters', 'é'.repeat(2048)],
  ])('opens what it sealed: %s', async (_name, plaintext) => {
    const sealed = await cipher.seal(plaintext, binding);
    expect(await cipher.open(sealed, binding)).toBe(plaintext);
  });

  it('writes one compact ASCII string: pc1.<kid>.<wrapped>.<iv>.<ciphertext+tag>', async () => {
    const sealed = await cipher.seal(SECRET, binding);
    expect(sealed).toMatch(/^pc1\.k1\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]{16}\.[A-Za-z0-9_-]+$/);
    expect(sealed).not.toContain(SECRET);
    const [, , wrapped, iv, data] = sealed.split('.') as [string, string, string, string, string];
    expect(Buffer.from(wrapped, 'base64url')).toHaveLength(12 + 32 + 16);
    expect(Buffer.from(iv, 'base64url')).toHaveLength(12);
    expect(Buffer.from(data, 'base64url')).toHaveLength(Buffer.byteLength(SECRET) + 16);
    expect(cipher.keyIdOf(sealed)).toBe('k1');
  });

  it('never seals the same plaintext the same way twice (fresh data key and IV)', async () => {
    const seals = await Promise.all(Array.from({ length: 20 }, () => cipher.seal(SECRET, binding)));
    expect(new Set(seals).size).toBe(seals.length);
    for (const part of [2, 3, 4]) {
      expect(new Set(seals.map((sealed) => sealed.split('.')[part])).size).toBe(seals.length);
    }
  });

  it('refuses values it could not round-trip and bindings that bind nothing', async () => {
    await expect(cipher.seal('lone \uD800 surrogate', binding)).rejects.toThrow(TypeError);
    for (const field of ['table', 'rowId', 'field', 'tenantId'] as const) {
      await expect(cipher.seal(SECRET, { ...binding, [field]: '' })).rejects.toThrow(TypeError);
    }
  });
});

describe('envelope cipher: tampering', () => {
  const ring = createLocalKeyWrapper([kek('k1'), kek('k2')]);
  const cipher = createEnvelopeCipher(ring);

  // Three lengths so the last base64url character of the ciphertext part carries 0, 2 and 4
  // unused bits: a decoder that ignored them would let a changed character through.
  it.each([SECRET, `${SECRET}!`, `${SECRET}!!`])(
    'rejects every single-character change of the sealed string (%s)',
    async (plaintext) => {
      const sealed = await cipher.seal(plaintext, binding);
      let attempts = 0;
      for (let index = 0; index < sealed.length; index += 1) {
        for (const replacement of `${B64URL}.=+/ `) {
          if (replacement === sealed[index]) continue;
          const tampered = sealed.slice(0, index) + replacement + sealed.slice(index + 1);
          const error = await rejection(cipher.open(tampered, binding));
          expect(error, `position ${index} → ${replacement}`).toBeInstanceOf(DecryptionError);
          attempts += 1;
        }
      }
      expect(attempts).toBeGreaterThan(sealed.length * 60);
    },
  );

  it('rejects every bit flip in the wrapped key, the IV, the ciphertext and the tag', async () => {
    const sealed = await cipher.seal(SECRET, binding);
    const parts = sealed.split('.');
    for (const part of [2, 3, 4]) {
      const bytes = Buffer.from(parts[part] as string, 'base64url');
      for (let bit = 0; bit < bytes.length * 8; bit += 1) {
        const flipped = Buffer.from(bytes);
        flipped[bit >> 3] = (flipped[bit >> 3] as number) ^ (1 << (bit & 7));
        const tampered = parts.map((text, i) =>
          i === part ? flipped.toString('base64url') : text,
        );
        const error = await rejection(cipher.open(tampered.join('.'), binding));
        expect(error, `part ${part}, bit ${bit}`).toBeInstanceOf(DecryptionError);
        expect((error as DecryptionError).reason).toBe('authentication-failed');
      }
    }
  });

  it('rejects relabelling a value with another configured key id', async () => {
    const sealed = await cipher.seal(SECRET, binding);
    const error = await rejection(cipher.open(sealed.replace('.k1.', '.k2.'), binding));
    expect((error as DecryptionError).reason).toBe('authentication-failed');
  });

  it('rejects truncated, extended and malformed strings', async () => {
    const sealed = await cipher.seal(SECRET, binding);
    const candidates = [
      ...Array.from({ length: sealed.length }, (_, length) => sealed.slice(0, length)),
      `${sealed}A`,
      `${sealed}.`,
      `${sealed}.AAAA`,
      ` ${sealed}`,
      `${sealed}\n`,
      sealed.split('.').slice(0, 4).join('.'),
      sealed.replace(/^pc1/, 'pc2'),
      sealed.replace(/^pc1/, 'PC1'),
      sealed.replace(/=*$/, '=='),
      'not sealed at all',
      SECRET,
    ];
    for (const candidate of candidates) {
      const error = await rejection(cipher.open(candidate, binding));
      expect(error, JSON.stringify(candidate)).toBeInstanceOf(DecryptionError);
    }
    expect(() => cipher.keyIdOf('pc1.k1.only-three')).toThrow(DecryptionError);
    expect(() => cipher.keyIdOf(SECRET)).toThrow(DecryptionError);
  });
});

describe('envelope cipher: binding', () => {
  const cipher = createEnvelopeCipher(createLocalKeyWrapper([kek('k1')]));

  it.each([
    ['another row', { rowId: 'cred_02' }],
    ['another field', { field: 'access_token' }],
    ['another table', { table: 'oauth_clients' }],
    ['another tenant', { tenantId: 'tenant_b' }],
  ])('a ciphertext moved to %s fails to open', async (_name, change) => {
    const sealed = await cipher.seal(SECRET, binding);
    const error = await rejection(cipher.open(sealed, { ...binding, ...change }));
    expect(error).toBeInstanceOf(DecryptionError);
    expect((error as DecryptionError).reason).toBe('authentication-failed');
  });

  it('encodes the binding unambiguously (moving a character between parts is a change)', async () => {
    const sealed = await cipher.seal(SECRET, { ...binding, rowId: 'ab', field: 'c' });
    await expect(cipher.open(sealed, { ...binding, rowId: 'a', field: 'bc' })).rejects.toThrow(
      DecryptionError,
    );
    const quoted = await cipher.seal(SECRET, { ...binding, rowId: 'a","b' });
    await expect(cipher.open(quoted, { ...binding, rowId: 'a', field: 'b' })).rejects.toThrow(
      DecryptionError,
    );
  });

  it('rejects a record assembled from the parts of two records', async () => {
    const rowA = await cipher.seal(SECRET, { ...binding, rowId: 'row_a' });
    const rowB = await cipher.seal('other', { ...binding, rowId: 'row_b' });
    const [version, kid, wrappedA] = rowA.split('.');
    const [, , , ivB, dataB] = rowB.split('.');
    const spliced = [version, kid, wrappedA, ivB, dataB].join('.');
    await expect(cipher.open(spliced, { ...binding, rowId: 'row_b' })).rejects.toThrow(
      DecryptionError,
    );
    await expect(cipher.open(spliced, { ...binding, rowId: 'row_a' })).rejects.toThrow(
      DecryptionError,
    );
  });

  it('gives the key wrapper the binding as context, so the wrapped key is bound too', async () => {
    const local = createLocalKeyWrapper([kek('k1')]);
    const contexts: string[] = [];
    const recording: KeyWrapper = {
      activeKeyId: local.activeKeyId,
      has: (keyId) => local.has(keyId),
      wrap(dataKey, context) {
        contexts.push(`wrap ${context}`);
        return local.wrap(dataKey, context);
      },
      unwrap(keyId, wrapped, context) {
        contexts.push(`unwrap ${context}`);
        return local.unwrap(keyId, wrapped, context);
      },
    };
    const recorded = createEnvelopeCipher(recording);
    await recorded.open(await recorded.seal(SECRET, binding), binding);
    const encoded = JSON.stringify(['pc1', 'credentials', 'cred_01', 'secret', 'tenant_a']);
    expect(contexts).toEqual([`wrap ${encoded}`, `unwrap ${encoded}`]);
  });
});

describe('envelope cipher: keys', () => {
  it('fails under a wrong key-encryption key with the same id', async () => {
    const sealed = await createEnvelopeCipher(createLocalKeyWrapper([kek('k1')])).seal(
      SECRET,
      binding,
    );
    const impostor = createEnvelopeCipher(createLocalKeyWrapper([kek('k1')]));
    const error = await rejection(impostor.open(sealed, binding));
    expect(error).toBeInstanceOf(DecryptionError);
    expect(error).not.toBeInstanceOf(UnknownKeyIdError);
    expect((error as DecryptionError).reason).toBe('authentication-failed');
  });

  it('reports an unknown key id as UnknownKeyIdError carrying the kid', async () => {
    const sealed = await createEnvelopeCipher(createLocalKeyWrapper([kek('old-key')])).seal(
      SECRET,
      binding,
    );
    const other = createEnvelopeCipher(createLocalKeyWrapper([kek('k2')]));
    const error = await rejection(other.open(sealed, binding));
    expect(error).toBeInstanceOf(UnknownKeyIdError);
    expect(error).toBeInstanceOf(DecryptionError);
    expect((error as UnknownKeyIdError).keyId).toBe('old-key');
    expect((error as UnknownKeyIdError).reason).toBe('unknown-key-id');
    expect((error as Error).message).toContain('"old-key"');
    expect(other.keyIdOf(sealed)).toBe('old-key');
  });

  it('lets failures other than authentication (a KMS outage) through unchanged', async () => {
    const local = createLocalKeyWrapper([kek('k1')]);
    const outage = new Error('KMS unavailable');
    const flaky: KeyWrapper = {
      activeKeyId: local.activeKeyId,
      has: (keyId) => local.has(keyId),
      wrap: (dataKey, context) => local.wrap(dataKey, context),
      unwrap: () => Promise.reject(outage),
    };
    const sealed = await createEnvelopeCipher(local).seal(SECRET, binding);
    expect(await rejection(createEnvelopeCipher(flaky).open(sealed, binding))).toBe(outage);
  });

  it('puts no plaintext and no key material in any error', async () => {
    const k1 = kek('k1');
    const ring = createLocalKeyWrapper([k1]);
    const cipher = createEnvelopeCipher(ring);
    const sealed = await cipher.seal(SECRET, binding);
    const [, , wrapped, iv, data] = sealed.split('.') as [string, string, string, string, string];
    const forbidden = [
      SECRET,
      ...representations(k1.key),
      wrapped.slice(0, 12),
      iv,
      data.slice(0, 12),
    ];
    const failures = [
      cipher.open(sealed, { ...binding, rowId: 'elsewhere' }),
      cipher.open(sealed.slice(0, -2), binding),
      cipher.open(`${sealed.slice(0, -3)}AAA`, binding),
      cipher.open(sealed.replace(`.${iv}.`, `.${'A'.repeat(16)}.`), binding),
      createEnvelopeCipher(createLocalKeyWrapper([kek('k1')])).open(sealed, binding),
      createEnvelopeCipher(createLocalKeyWrapper([kek('k9')])).open(sealed, binding),
      cipher.open(SECRET, binding),
      cipher.rewrap(sealed.replace('.k1.', '.k9.'), binding),
    ];
    for (const failure of failures) expectClean(await rejection(failure), forbidden);
  });
});

describe('envelope cipher: rotation', () => {
  const k1 = kek('k1');
  const k2 = kek('k2');
  const rows = Array.from({ length: 6 }, (_, index) => ({
    binding: { ...binding, rowId: `cred_${index}` },
    plaintext: `secret number ${index} ✓`,
  }));

  async function sealAllUnder(keys: KeyEncryptionKey[]) {
    const cipher = createEnvelopeCipher(createLocalKeyWrapper(keys));
    return Promise.all(rows.map((row) => cipher.seal(row.plaintext, row.binding)));
  }

  it('re-wraps under the new active key, keeping the data key and ciphertext', async () => {
    const before = await sealAllUnder([k1]);
    const rotated = createEnvelopeCipher(createLocalKeyWrapper([k2, k1]));
    const after = await Promise.all(
      before.map((sealed, index) => rotated.rewrap(sealed, rows[index]!.binding)),
    );
    for (const [index, sealed] of after.entries()) {
      expect(rotated.keyIdOf(sealed)).toBe('k2');
      expect(await rotated.open(sealed, rows[index]!.binding)).toBe(rows[index]!.plaintext);
      const [, , oldWrapped, oldIv, oldData] = before[index]!.split('.');
      const [, , newWrapped, newIv, newData] = sealed.split('.');
      expect(newWrapped).not.toBe(oldWrapped);
      expect([newIv, newData]).toEqual([oldIv, oldData]);
    }
    // Values not yet re-wrapped still open while the old key is kept.
    expect(await rotated.open(before[0]!, rows[0]!.binding)).toBe(rows[0]!.plaintext);
  });

  it('is idempotent: a value under the active key comes back as the same string', async () => {
    const rotated = createEnvelopeCipher(createLocalKeyWrapper([k2, k1]));
    const [sealed] = await sealAllUnder([k1]);
    const once = await rotated.rewrap(sealed!, rows[0]!.binding);
    expect(await rotated.rewrap(once, rows[0]!.binding)).toBe(once);
    const fresh = await rotated.seal('new', binding);
    expect(await rotated.rewrap(fresh, binding)).toBe(fresh);
  });

  it('resumes: an interrupted rotation run again finishes, and then the old key can go', async () => {
    const stored = await sealAllUnder([k1]);
    const rotated = createEnvelopeCipher(createLocalKeyWrapper([k2, k1]));
    // First run stops half way (a crash); the second run goes over every row again.
    for (let index = 0; index < 3; index += 1) {
      stored[index] = await rotated.rewrap(stored[index]!, rows[index]!.binding);
    }
    const afterFirstRun = [...stored];
    for (const [index, row] of rows.entries()) {
      stored[index] = await rotated.rewrap(stored[index]!, row.binding);
    }
    expect(stored.slice(0, 3)).toEqual(afterFirstRun.slice(0, 3));
    expect(stored.map((sealed) => rotated.keyIdOf(sealed))).toEqual(rows.map(() => 'k2'));

    const withoutOldKey = createEnvelopeCipher(createLocalKeyWrapper([k2]));
    for (const [index, row] of rows.entries()) {
      expect(await withoutOldKey.open(stored[index]!, row.binding)).toBe(row.plaintext);
    }
  });

  it('removing the old key too early leaves the unrotated values unopenable, by key id', async () => {
    const [sealed] = await sealAllUnder([k1]);
    const withoutOldKey = createEnvelopeCipher(createLocalKeyWrapper([k2]));
    const error = await rejection(withoutOldKey.open(sealed!, rows[0]!.binding));
    expect(error).toBeInstanceOf(UnknownKeyIdError);
    expect((error as UnknownKeyIdError).keyId).toBe('k1');
  });

  it('does not launder a moved or tampered value into the new key', async () => {
    const [sealed] = await sealAllUnder([k1]);
    const rotated = createEnvelopeCipher(createLocalKeyWrapper([k2, k1]));
    await expect(rotated.rewrap(sealed!, { ...rows[0]!.binding, rowId: 'x' })).rejects.toThrow(
      DecryptionError,
    );
    const parts = sealed!.split('.');
    const data = Buffer.from(parts[4]!, 'base64url');
    data[0] = data[0]! ^ 1;
    parts[4] = data.toString('base64url');
    await expect(rotated.rewrap(parts.join('.'), rows[0]!.binding)).rejects.toThrow(
      DecryptionError,
    );
  });
});

import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  ConfigurationError,
  DecryptionError,
  UnknownKeyIdError,
  createLocalKeyWrapper,
  parseKeyList,
} from '../src/crypto';

const keyA = randomBytes(32);
const keyB = randomBytes(32);
const a64 = keyA.toString('base64');
const b64 = keyB.toString('base64');

/** Runs `parse` expecting a ConfigurationError and returns its message. */
function refusal(parse: () => unknown): string {
  try {
    parse();
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigurationError);
    return (error as Error).message;
  }
  throw new Error('expected a ConfigurationError');
}

describe('parseKeyList (PIPELINE_CONNECT_KEYS)', () => {
  it('reads kid:base64key pairs in order, the first being the active key', () => {
    const keys = parseKeyList(`k2:${b64},k1:${a64}`);
    expect(keys.map((key) => key.id)).toEqual(['k2', 'k1']);
    expect(Buffer.from(keys[0]!.key).equals(keyB)).toBe(true);
    expect(Buffer.from(keys[1]!.key).equals(keyA)).toBe(true);
    expect(createLocalKeyWrapper(keys).activeKeyId).toBe('k2');
  });

  it('tolerates whitespace around entries and accepts base64url', () => {
    const keys = parseKeyList(` k_1 : ${a64} ,\n  K-2:${keyB.toString('base64url')}  `);
    expect(keys.map((key) => key.id)).toEqual(['k_1', 'K-2']);
    expect(Buffer.from(keys[1]!.key).equals(keyB)).toBe(true);
  });

  it.each([
    ['an empty value', '', /empty/],
    ['only whitespace', '   ', /empty/],
    ['an entry without a colon', `k1:${a64},${b64}`, /entry 2 is not "kid:base64key"/],
    ['an empty entry (trailing comma)', `k1:${a64},`, /entry 2 is not "kid:base64key"/],
    ['an empty key id', `:${a64}`, /entry 1: the key id must be 1–32 characters/],
    ['a key id with a space', `k 1:${a64}`, /entry 1: the key id/],
    ['a key id with a dot', `k.1:${a64}`, /entry 1: the key id/],
    ['a 33-character key id', `${'k'.repeat(33)}:${a64}`, /entry 1: the key id/],
    ['a repeated key id', `k1:${a64},k1:${b64}`, /entry 2: key id "k1" appears more than once/],
    ['a 31-byte key', `k1:${randomBytes(31).toString('base64')}`, /exactly 32 random bytes/],
    ['a 33-byte key', `k1:${randomBytes(33).toString('base64')}`, /exactly 32 random bytes/],
    ['an empty key', 'k1:', /entry 1 \(key id "k1"\): the key must be base64/],
    ['a hex key', `k1:${keyA.toString('hex')}`, /exactly 32 random bytes/],
    ['a key with a stray character', `k1:${a64.slice(0, 20)}!${a64.slice(20)}`, /base64/],
    ['a key with missing padding bits changed', `k1:${a64.slice(0, 42)}B=`, /base64/],
  ])('refuses %s with a clear message', (_name, spec, message) => {
    expect(refusal(() => parseKeyList(spec))).toMatch(message);
  });

  it('never echoes key material, nor a key id that failed validation', () => {
    const specs = [
      `${b64}`,
      `k1:${a64},${b64}`,
      `${a64}:${b64}`,
      `k1:${a64.slice(0, 30)}`,
      `k1:${a64}${a64}`,
      `k1:${keyA.toString('hex')}`,
      `k1:${a64},k1:${b64}`,
    ];
    for (const spec of specs) {
      const message = refusal(() => parseKeyList(spec));
      for (const secret of [a64, b64, keyA.toString('hex')]) {
        expect(message).not.toContain(secret.slice(0, 10));
      }
    }
  });

  it('names the source it was given', () => {
    expect(refusal(() => parseKeyList('nope', 'The development key file /d/k'))).toMatch(
      /^The development key file \/d\/k entry 1/,
    );
  });
});

describe('createLocalKeyWrapper', () => {
  const context = '["pc1","credentials","row","secret","tenant"]';

  it('wraps under the active key and unwraps with the same context', async () => {
    const wrapper = createLocalKeyWrapper([
      { id: 'k1', key: keyA },
      { id: 'k0', key: keyB },
    ]);
    const dataKey = randomBytes(32);
    const { keyId, wrapped } = await wrapper.wrap(dataKey, context);
    expect(keyId).toBe('k1');
    expect(wrapped).toHaveLength(12 + 32 + 16);
    expect(Buffer.from(wrapped).includes(dataKey)).toBe(false);
    expect(Buffer.from(await wrapper.unwrap('k1', wrapped, context)).equals(dataKey)).toBe(true);
    expect(wrapper.has('k0')).toBe(true);
    expect(wrapper.has('k2')).toBe(false);
  });

  it('refuses another context, another kid, a tampered or a truncated wrapped key', async () => {
    // Two ids for the same bytes: the key id is authenticated, so relabelling still fails.
    const wrapper = createLocalKeyWrapper([
      { id: 'k1', key: keyA },
      { id: 'alias', key: keyA },
    ]);
    const { wrapped } = await wrapper.wrap(randomBytes(32), context);
    const tampered = Buffer.from(wrapped);
    tampered[20] = tampered[20]! ^ 0x80;
    const failures: [Promise<unknown>, string][] = [
      [wrapper.unwrap('k1', wrapped, `${context} `), 'authentication-failed'],
      [wrapper.unwrap('alias', wrapped, context), 'authentication-failed'],
      [wrapper.unwrap('k1', tampered, context), 'authentication-failed'],
      [wrapper.unwrap('k1', wrapped.subarray(0, 28), context), 'malformed'],
      [wrapper.unwrap('k1', wrapped.subarray(0, 40), context), 'authentication-failed'],
    ];
    for (const [failure, reason] of failures) {
      await expect(failure).rejects.toSatisfy(
        (error) => error instanceof DecryptionError && error.reason === reason,
      );
    }
    await expect(wrapper.unwrap('k9', wrapped, context)).rejects.toThrow(UnknownKeyIdError);
  });

  it('copies the key bytes: later changes to the caller’s array have no effect', async () => {
    const key = Buffer.from(keyA);
    const wrapper = createLocalKeyWrapper([{ id: 'k1', key }]);
    const { wrapped } = await wrapper.wrap(randomBytes(32), context);
    key.fill(7);
    await expect(wrapper.unwrap('k1', wrapped, context)).resolves.toHaveLength(32);
  });

  it.each([
    ['an empty list', [], /At least one encryption key/],
    ['an invalid key id', [{ id: 'a b', key: keyA }], /key id must be/],
    ['a short key', [{ id: 'k1', key: keyA.subarray(0, 16) }], /exactly 32 bytes \(got 16\)/],
    ['an all-zero placeholder key', [{ id: 'k1', key: new Uint8Array(32) }], /placeholder/],
    ['an "AAAA…" placeholder key', parseKeyList(`k1:${'A'.repeat(43)}=`), /placeholder/],
    [
      'a repeated key id',
      [
        { id: 'k1', key: keyA },
        { id: 'k1', key: keyB },
      ],
      /"k1" appears more than once/,
    ],
  ])('refuses %s', (_name, keys, message) => {
    expect(refusal(() => createLocalKeyWrapper(keys))).toMatch(message);
  });
});

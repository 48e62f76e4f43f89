import { createCipheriv, createDecipheriv, createSecretKey, randomBytes } from 'node:crypto';
import type { KeyObject } from 'node:crypto';
import { ConfigurationError, DecryptionError, UnknownKeyIdError } from './errors';
import { KEY_ID_PATTERN } from './key-wrapper';
import type { KeyWrapper, WrappedDataKey } from './key-wrapper';

/** A key-encryption key: its id (written into every sealed value) and its 32 key bytes. */
export interface KeyEncryptionKey {
  /** `[A-Za-z0-9_-]{1,32}`, unique within a key list. */
  readonly id: string;
  /** Exactly 32 bytes (AES-256). */
  readonly key: Uint8Array;
}

/** A KEK is an AES-256 key. */
const KEY_BYTES = 32;

const IV_BYTES = 12;
const TAG_BYTES = 16;
const KEY_ID_RULE = '1–32 characters from A–Z, a–z, 0–9, "_" and "-"';

// A label with a version in the additional data keeps wrapped keys of this scheme from ever
// being accepted by a later scheme (or vice versa), and the key id in it ties a wrapped key to
// the KEK it names, so relabelling a wrapped key with another configured key id cannot work even
// if two KEKs were ever given the same bytes. JSON of an array is an unambiguous encoding.
function wrapAdditionalData(keyId: string, context: string): Buffer {
  return Buffer.from(JSON.stringify(['pc-kek1', keyId, context]), 'utf8');
}

function checkKey(entry: KeyEncryptionKey, position: number): void {
  if (typeof entry.id !== 'string' || !KEY_ID_PATTERN.test(entry.id)) {
    throw new ConfigurationError(`Encryption key ${position}: the key id must be ${KEY_ID_RULE}`);
  }
  if (!(entry.key instanceof Uint8Array) || entry.key.length !== KEY_BYTES) {
    throw new ConfigurationError(
      `Encryption key "${entry.id}": the key must be exactly ${KEY_BYTES} bytes (got ${
        entry.key instanceof Uint8Array ? entry.key.length : 0
      })`,
    );
  }
  // A key whose bytes are all the same (all zeros from a placeholder, "AAAA…" pasted from an
  // example) is a configuration mistake, not a secret; refuse it rather than encrypt with it.
  if (entry.key.every((byte) => byte === entry.key[0])) {
    throw new ConfigurationError(
      `Encryption key "${entry.id}": the key is a placeholder (all bytes equal); generate a random one`,
    );
  }
}

/**
 * A {@link KeyWrapper} over locally configured KEKs: each data key is wrapped with AES-256-GCM
 * under the active (first) KEK, with a fresh 96-bit IV, authenticating the key id and the
 * caller's context. The wrapped form is `iv (12) ‖ encrypted data key ‖ tag (16)`.
 *
 * @param keys - the KEKs, active first; the others only unwrap (kept during a rotation).
 * @returns the wrapper; the key bytes are copied into `KeyObject`s, so later changes to `keys`
 *   have no effect.
 * @throws ConfigurationError when the list is empty, a key id is invalid or repeated, or a key is
 *   not 32 bytes.
 */
export function createLocalKeyWrapper(keys: readonly KeyEncryptionKey[]): KeyWrapper {
  const first = keys[0];
  if (first === undefined) {
    throw new ConfigurationError('At least one encryption key is required');
  }
  const ring = new Map<string, KeyObject>();
  keys.forEach((entry, index) => {
    checkKey(entry, index + 1);
    if (ring.has(entry.id)) {
      throw new ConfigurationError(`Encryption key id "${entry.id}" appears more than once`);
    }
    ring.set(entry.id, createSecretKey(Buffer.from(entry.key)));
  });
  const activeKeyId = first.id;
  const activeKey = ring.get(activeKeyId) as KeyObject;

  return {
    activeKeyId,

    has(keyId: string): boolean {
      return ring.has(keyId);
    },

    async wrap(dataKey: Uint8Array, context: string): Promise<WrappedDataKey> {
      const iv = randomBytes(IV_BYTES);
      const cipher = createCipheriv('aes-256-gcm', activeKey, iv, { authTagLength: TAG_BYTES });
      cipher.setAAD(wrapAdditionalData(activeKeyId, context));
      const encrypted = Buffer.concat([cipher.update(dataKey), cipher.final()]);
      const wrapped = Buffer.concat([iv, encrypted, cipher.getAuthTag()]);
      return { keyId: activeKeyId, wrapped: new Uint8Array(wrapped) };
    },

    async unwrap(keyId: string, wrapped: Uint8Array, context: string): Promise<Uint8Array> {
      const kek = ring.get(keyId);
      if (kek === undefined) {
        throw new UnknownKeyIdError(keyId);
      }
      if (wrapped.length <= IV_BYTES + TAG_BYTES) {
        throw new DecryptionError('malformed', 'The wrapped data key is malformed');
      }
      const bytes = Buffer.from(wrapped);
      const iv = bytes.subarray(0, IV_BYTES);
      const tag = bytes.subarray(bytes.length - TAG_BYTES);
      const encrypted = bytes.subarray(IV_BYTES, bytes.length - TAG_BYTES);
      const decipher = createDecipheriv('aes-256-gcm', kek, iv, { authTagLength: TAG_BYTES });
      decipher.setAAD(wrapAdditionalData(keyId, context));
      decipher.setAuthTag(tag);
      try {
        return new Uint8Array(Buffer.concat([decipher.update(encrypted), decipher.final()]));
      } catch {
        // Node's message ("unable to authenticate data") says nothing useful; ours is fixed and
        // never includes the bytes involved.
        throw new DecryptionError(
          'authentication-failed',
          'The wrapped data key failed authentication (wrong key, tampered, or moved to another record)',
        );
      }
    },
  };
}

// Accept a key only in canonical base64 (or base64url): Node's decoder silently skips invalid
// characters and ignores trailing bits, so "decodes to 32 bytes" alone would accept typos.
function decodeKey(text: string): Buffer | null {
  for (const encoding of ['base64', 'base64url'] as const) {
    const bytes = Buffer.from(text, encoding);
    if (bytes.toString(encoding) === text) return bytes;
  }
  return null;
}

/**
 * Parses `PIPELINE_CONNECT_KEYS`: `kid:base64key,kid2:base64key`. The first key is the active
 * one; the others are kept for values not yet re-wrapped by `rotate-keys`. Whitespace around
 * entries is ignored.
 *
 * @param spec - the variable's value.
 * @param source - what `spec` came from, as messages name it (default `PIPELINE_CONNECT_KEYS`).
 * @returns the keys, in order (active first).
 * @throws ConfigurationError naming the entry (by position and, once valid, by key id) and the
 *   rule it breaks; the message never contains key material, nor a key id that failed
 *   validation (it might be a pasted key).
 */
export function parseKeyList(spec: string, source = 'PIPELINE_CONNECT_KEYS'): KeyEncryptionKey[] {
  if (spec.trim() === '') {
    throw new ConfigurationError(`${source} is empty; expected "kid:base64key,…"`);
  }
  const keys: KeyEncryptionKey[] = [];
  const seen = new Set<string>();
  spec.split(',').forEach((raw, index) => {
    const position = index + 1;
    const entry = raw.trim();
    const colon = entry.indexOf(':');
    if (entry === '' || colon < 0) {
      throw new ConfigurationError(
        `${source} entry ${position} is not "kid:base64key" (entries are separated by ",")`,
      );
    }
    const id = entry.slice(0, colon).trim();
    if (!KEY_ID_PATTERN.test(id)) {
      throw new ConfigurationError(
        `${source} entry ${position}: the key id must be ${KEY_ID_RULE}`,
      );
    }
    if (seen.has(id)) {
      throw new ConfigurationError(
        `${source} entry ${position}: key id "${id}" appears more than once`,
      );
    }
    seen.add(id);
    const key = decodeKey(entry.slice(colon + 1).trim());
    if (key === null || key.length !== KEY_BYTES) {
      throw new ConfigurationError(
        `${source} entry ${position} (key id "${id}"): the key must be base64 of exactly ${KEY_BYTES} random bytes`,
      );
    }
    keys.push({ id, key: new Uint8Array(key) });
  });
  return keys;
}

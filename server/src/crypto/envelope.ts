import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { DecryptionError, UnknownKeyIdError } from './errors';
import { KEY_ID_PATTERN } from './key-wrapper';
import type { KeyWrapper } from './key-wrapper';

/**
 * Where a sealed value lives. It is authenticated with the ciphertext (and with the wrapped data
 * key), so a value copied to another table, row, field or tenant fails to open: a database
 * writer cannot swap one tenant's token into another's row, or a client secret into a token
 * column, and have the server decrypt it in the wrong place.
 */
export interface SealBinding {
  /** The table the value is stored in. */
  readonly table: string;
  /** The primary key of its row. */
  readonly rowId: string;
  /** The column (or logical field) holding it. */
  readonly field: string;
  /** The tenant owning the row. */
  readonly tenantId: string;
}

/** Seals and opens field values with envelope encryption. See {@link createEnvelopeCipher}. */
export interface EnvelopeCipher {
  /** Encrypts `plaintext` for the record `binding` names; returns the sealed string. */
  seal(plaintext: string, binding: SealBinding): Promise<string>;
  /**
   * Decrypts a sealed string, which must have been sealed with the same `binding`.
   *
   * @throws DecryptionError on tamper, wrong binding, wrong key or malformed input;
   *   UnknownKeyIdError (a DecryptionError) when its key id is not configured.
   */
  open(sealed: string, binding: SealBinding): Promise<string>;
  /**
   * The id of the KEK a sealed string's data key is wrapped under (no decryption; used to find
   * the key ids in use at boot and the values `rotate-keys` still has to re-wrap).
   *
   * @throws DecryptionError (reason `malformed`) when `sealed` is not a sealed string.
   */
  keyIdOf(sealed: string): string;
  /**
   * Re-wraps a sealed string's data key under the active KEK, keeping the data key, IV and
   * ciphertext. Returns `sealed` itself (the same string, without decrypting it) when it is
   * already under the active key, so running a rotation again, or resuming one, changes nothing
   * already done. A value under another key is authenticated in full before it is re-wrapped, so
   * a rotation reports a bad record at once instead of carrying it along.
   *
   * @throws the same errors as {@link EnvelopeCipher.open}.
   */
  rewrap(sealed: string, binding: SealBinding): Promise<string>;
}

/** The format version and first part of every sealed string. */
const VERSION = 'pc1';
/** AES-256: a data key is 32 random bytes. */
const DATA_KEY_BYTES = 32;
const IV_BYTES = 12;
const TAG_BYTES = 16;
const BASE64URL = /^[A-Za-z0-9_-]+$/;
const LONE_SURROGATE = /\p{Surrogate}/u;

const utf8 = new TextDecoder('utf-8', { fatal: true });

interface SealedParts {
  readonly keyId: string;
  readonly wrapped: Buffer;
  readonly iv: Buffer;
  /** Ciphertext followed by the 16-byte GCM tag. */
  readonly sealedData: Buffer;
}

function malformed(): DecryptionError {
  return new DecryptionError('malformed', 'The value is not a well-formed sealed value');
}

function authenticationFailed(): DecryptionError {
  return new DecryptionError(
    'authentication-failed',
    'The sealed value failed authentication (tampered, moved to another record, or sealed under a different key)',
  );
}

// Canonical base64url only: Node's decoder ignores stray characters and trailing bits, so a
// changed last character could otherwise decode to the same bytes and a tampered string would
// still open. Requiring the re-encoding to match makes every change of the string a change of
// the bytes.
function decodePart(text: string): Buffer {
  if (!BASE64URL.test(text)) throw malformed();
  const bytes = Buffer.from(text, 'base64url');
  if (bytes.toString('base64url') !== text) throw malformed();
  return bytes;
}

function parse(sealed: string): SealedParts {
  if (typeof sealed !== 'string') throw malformed();
  const parts = sealed.split('.');
  if (parts.length !== 5) throw malformed();
  const [version, keyId, wrapped, iv, sealedData] = parts as [
    string,
    string,
    string,
    string,
    string,
  ];
  if (version !== VERSION || !KEY_ID_PATTERN.test(keyId)) throw malformed();
  const result = {
    keyId,
    wrapped: decodePart(wrapped),
    iv: decodePart(iv),
    sealedData: decodePart(sealedData),
  };
  if (result.iv.length !== IV_BYTES || result.sealedData.length < TAG_BYTES) throw malformed();
  return result;
}

function format(keyId: string, wrapped: Uint8Array, iv: Uint8Array, sealedData: Uint8Array) {
  return [
    VERSION,
    keyId,
    Buffer.from(wrapped).toString('base64url'),
    Buffer.from(iv).toString('base64url'),
    Buffer.from(sealedData).toString('base64url'),
  ].join('.');
}

/**
 * The canonical encoding of a binding: JSON of a fixed-order array that starts with the format
 * version. JSON escapes every separator a field could contain (and lone surrogates), so two
 * different bindings can never encode alike — `{rowId: "a.b", field: "c"}` and
 * `{rowId: "a", field: "b.c"}` stay distinct, which a plain `join('.')` would not guarantee.
 * The version in it stops a future format from accepting a value sealed under this one.
 */
function encodeBinding(binding: SealBinding): string {
  const { table, rowId, field, tenantId } = binding;
  for (const [name, value] of Object.entries({ table, rowId, field, tenantId })) {
    // An empty part is a wiring bug upstream (an unset id); sealing with it would bind the value
    // to nothing in particular.
    if (typeof value !== 'string' || value === '') {
      throw new TypeError(`SealBinding.${name} must be a non-empty string`);
    }
  }
  return JSON.stringify([VERSION, table, rowId, field, tenantId]);
}

function checkKeyId(keyId: string): string {
  if (!KEY_ID_PATTERN.test(keyId)) {
    throw new TypeError('The key wrapper returned a key id outside [A-Za-z0-9_-]{1,32}');
  }
  return keyId;
}

async function unwrapDataKey(
  wrapper: KeyWrapper,
  parts: SealedParts,
  context: string,
): Promise<Buffer> {
  if (!wrapper.has(parts.keyId)) throw new UnknownKeyIdError(parts.keyId);
  const dataKey = Buffer.from(await wrapper.unwrap(parts.keyId, parts.wrapped, context));
  if (dataKey.length !== DATA_KEY_BYTES) {
    dataKey.fill(0);
    throw authenticationFailed();
  }
  return dataKey;
}

function decrypt(dataKey: Buffer, parts: SealedParts, additionalData: Buffer): string {
  const tagStart = parts.sealedData.length - TAG_BYTES;
  const decipher = createDecipheriv('aes-256-gcm', dataKey, parts.iv, {
    authTagLength: TAG_BYTES,
  });
  decipher.setAAD(additionalData);
  decipher.setAuthTag(parts.sealedData.subarray(tagStart));
  let plaintext: Buffer;
  try {
    // Nothing is returned before `final()` has checked the tag, so a failure leaves no partial
    // plaintext behind.
    plaintext = Buffer.concat([
      decipher.update(parts.sealedData.subarray(0, tagStart)),
      decipher.final(),
    ]);
  } catch {
    throw authenticationFailed();
  }
  try {
    return utf8.decode(plaintext);
  } catch {
    // Authenticated but not UTF-8: not something `seal` wrote.
    throw malformed();
  } finally {
    plaintext.fill(0);
  }
}

/**
 * Envelope encryption for values at rest (secrets, tokens, custom client secrets, PKCE
 * verifiers).
 *
 * Each `seal` draws a fresh random 256-bit data key and 96-bit IV and encrypts with AES-256-GCM;
 * the data key is then wrapped by the {@link KeyWrapper}'s active KEK. Per-record data keys mean
 * a KEK only ever encrypts 32 random bytes (no GCM nonce budget to track however many values are
 * written), rotation re-wraps 60 bytes per value instead of re-encrypting data, and a KMS sees
 * one small wrap call per value, never the plaintext. The binding is authenticated both as the
 * ciphertext's additional data and as the wrapping context, so neither the ciphertext nor the
 * wrapped key can be moved to another record.
 *
 * Sealed format (ASCII, safe in a TEXT column, no padding):
 * `pc1.<kid>.<base64url wrapped key>.<base64url iv>.<base64url ciphertext ‖ 16-byte tag>`.
 *
 * @param wrapper - where the KEKs live.
 * @returns the cipher.
 */
export function createEnvelopeCipher(wrapper: KeyWrapper): EnvelopeCipher {
  async function open(sealed: string, binding: SealBinding): Promise<string> {
    const context = encodeBinding(binding);
    const parts = parse(sealed);
    const dataKey = await unwrapDataKey(wrapper, parts, context);
    try {
      return decrypt(dataKey, parts, Buffer.from(context, 'utf8'));
    } finally {
      dataKey.fill(0);
    }
  }

  return {
    async seal(plaintext: string, binding: SealBinding): Promise<string> {
      const context = encodeBinding(binding);
      // A lone surrogate would be replaced by U+FFFD when encoded, so the value opened would
      // differ from the value sealed; refuse instead of corrupting it silently.
      if (typeof plaintext !== 'string' || LONE_SURROGATE.test(plaintext)) {
        throw new TypeError('The value to seal must be a well-formed Unicode string');
      }
      const dataKey = randomBytes(DATA_KEY_BYTES);
      try {
        const iv = randomBytes(IV_BYTES);
        const cipher = createCipheriv('aes-256-gcm', dataKey, iv, { authTagLength: TAG_BYTES });
        cipher.setAAD(Buffer.from(context, 'utf8'));
        const sealedData = Buffer.concat([
          cipher.update(plaintext, 'utf8'),
          cipher.final(),
          cipher.getAuthTag(),
        ]);
        const { keyId, wrapped } = await wrapper.wrap(dataKey, context);
        return format(checkKeyId(keyId), wrapped, iv, sealedData);
      } finally {
        // Best effort: the data key is not kept in memory longer than the call.
        dataKey.fill(0);
      }
    },

    open,

    keyIdOf(sealed: string): string {
      return parse(sealed).keyId;
    },

    async rewrap(sealed: string, binding: SealBinding): Promise<string> {
      const context = encodeBinding(binding);
      const parts = parse(sealed);
      if (parts.keyId === wrapper.activeKeyId) return sealed;
      const dataKey = await unwrapDataKey(wrapper, parts, context);
      try {
        decrypt(dataKey, parts, Buffer.from(context, 'utf8'));
        const { keyId, wrapped } = await wrapper.wrap(dataKey, context);
        return format(checkKeyId(keyId), wrapped, parts.iv, parts.sealedData);
      } finally {
        dataKey.fill(0);
      }
    },
  };
}

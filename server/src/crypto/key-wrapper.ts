/**
 * The port behind which key-encryption keys (KEKs) live. The envelope cipher never sees a KEK:
 * it hands a data key to `wrap` and gets it back from `unwrap`, so a cloud KMS (AWS KMS, Google
 * Cloud KMS, Vault transit) can replace the local implementation without touching records'
 * format or the storage layer.
 *
 * Contract for implementations:
 * - `activeKeyId` names the KEK that `wrap` uses; `wrap` returns it as `keyId`.
 * - Key ids appear in every sealed value and must match `[A-Za-z0-9_-]{1,32}` (an adapter for a
 *   KMS whose key names are ARNs maps them to short aliases).
 * - `context` is authenticated, not secret: `unwrap` must fail unless it receives exactly the
 *   context given to `wrap` (AES-GCM additional data locally, the encryption context in a KMS).
 *   It binds the wrapped data key to its record, so the wrapped key cannot be moved either.
 * - `unwrap` throws `UnknownKeyIdError` for a key id it does not hold and
 *   `DecryptionError` when the wrapped key fails authentication. Other failures (a KMS
 *   being unreachable) propagate as they are, so a caller can tell "retry later" from "this
 *   record is bad".
 *
 * @module
 */

/** The result of wrapping a data key: the KEK's id and the opaque wrapped bytes. */
export interface WrappedDataKey {
  /** The id of the KEK that wrapped the data key (the active one at wrap time). */
  readonly keyId: string;
  /** The wrapped data key; opaque to everyone but the wrapper. */
  readonly wrapped: Uint8Array;
}

/** Wraps and unwraps per-record data keys with key-encryption keys. See the module comment. */
export interface KeyWrapper {
  /** The id of the KEK new data keys are wrapped under. */
  readonly activeKeyId: string;
  /** Whether the KEK with this id is configured (and so `unwrap` can succeed). */
  has(keyId: string): boolean;
  /** Wraps `dataKey` under the active KEK, authenticating `context`. */
  wrap(dataKey: Uint8Array, context: string): Promise<WrappedDataKey>;
  /** Unwraps a data key wrapped under `keyId` with the same `context`. */
  unwrap(keyId: string, wrapped: Uint8Array, context: string): Promise<Uint8Array>;
}

/** The alphabet and length of a key id, shared by the key list parser and the sealed format. */
export const KEY_ID_PATTERN = /^[A-Za-z0-9_-]{1,32}$/;

/**
 * Errors of the encryption-at-rest module. Every message here is written so that it can be
 * logged: none carries plaintext, key material or wrapped keys — only key ids, which are
 * configuration names, not secrets.
 */

/**
 * The server's encryption configuration is wrong or incomplete, so the server must not start
 * (boot refused). The message says what to fix and never echoes key material.
 */
export class ConfigurationError extends Error {
  override readonly name = 'ConfigurationError';
}

/**
 * Why a sealed value could not be opened. `authentication-failed` deliberately does not say
 * whether the value was tampered with, moved to another record or sealed under another key:
 * AES-GCM cannot tell these apart, and guessing would mislead an operator.
 */
export type DecryptionFailureReason = 'malformed' | 'unknown-key-id' | 'authentication-failed';

/**
 * A sealed value could not be opened. Thrown instead of ever returning plaintext that did not
 * authenticate, a partial result, or a mask: a caller that catches it has nothing to show.
 */
export class DecryptionError extends Error {
  override readonly name: string = 'DecryptionError';

  /** The class of failure, for logs and metrics. */
  readonly reason: DecryptionFailureReason;

  /**
   * @param reason - the class of failure.
   * @param message - a fixed, loggable description (no plaintext, no key material).
   */
  constructor(reason: DecryptionFailureReason, message: string) {
    super(message);
    this.reason = reason;
  }
}

/**
 * A sealed value names a key-encryption key id that is not configured. Distinct from a plain
 * {@link DecryptionError} because the fix is operational (configure the key again), not a data
 * problem.
 */
export class UnknownKeyIdError extends DecryptionError {
  override readonly name = 'UnknownKeyIdError';

  /** The key id the sealed value names (validated to the key-id alphabet before it is reported). */
  readonly keyId: string;

  /** @param keyId - the key id that is not configured. */
  constructor(keyId: string) {
    super(
      'unknown-key-id',
      `The value is encrypted under key id "${keyId}", which is not configured`,
    );
    this.keyId = keyId;
  }
}

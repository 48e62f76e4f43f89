/**
 * Encryption at rest: envelope encryption of secrets, tokens, custom client secrets and PKCE
 * verifiers, the key ring read at boot, and the re-wrapping `rotate-keys` is built on.
 *
 * @module
 */
export { createEnvelopeCipher } from './envelope';
export type { EnvelopeCipher, SealBinding } from './envelope';
export { ConfigurationError, DecryptionError, UnknownKeyIdError } from './errors';
export type { DecryptionFailureReason } from './errors';
export {
  DEVELOPMENT_KEY_FILE,
  GENERATE_KEY_COMMAND,
  KEYS_VARIABLE,
  assertKeyIdsConfigured,
  loadKeyWrapper,
} from './key-ring';
export type { LoadKeyWrapperOptions } from './key-ring';
export { KEY_ID_PATTERN } from './key-wrapper';
export type { KeyWrapper, WrappedDataKey } from './key-wrapper';
export { createLocalKeyWrapper, parseKeyList } from './local-key-wrapper';
export type { KeyEncryptionKey } from './local-key-wrapper';

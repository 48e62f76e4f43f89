import { randomBytes } from 'node:crypto';
import { link, mkdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { ConfigurationError } from './errors';
import type { KeyWrapper } from './key-wrapper';
import { createLocalKeyWrapper, parseKeyList } from './local-key-wrapper';
import type { KeyEncryptionKey } from './local-key-wrapper';

/** The environment variable holding the key list (`kid:base64key,…`, active first). */
export const KEYS_VARIABLE = 'PIPELINE_CONNECT_KEYS';

/** The file, inside the data directory, holding the development key (a key list of one). */
export const DEVELOPMENT_KEY_FILE = 'encryption-key';

/** A shell command that prints a fresh key-list entry, quoted in boot-refusal messages. */
export const GENERATE_KEY_COMMAND = `node -p "'k1:'+require('crypto').randomBytes(32).toString('base64')"`;

/** What {@link loadKeyWrapper} reads. Everything is injected so boot can be tested. */
export interface LoadKeyWrapperOptions {
  /** The process environment (only `PIPELINE_CONNECT_KEYS` is read). */
  readonly env: Readonly<Record<string, string | undefined>>;
  /** The data directory of the embedded database, or `null` when the database is in memory. */
  readonly dataDir: string | null;
  /** `NODE_ENV=production`: a missing key refuses boot instead of generating one. */
  readonly production: boolean;
  /** Where the loud development-key warnings go (the server's logger). */
  readonly warn: (message: string) => void;
}

// The random suffix makes a lost-and-regenerated development key a different key id, so the
// boot check (assertKeyIdsConfigured) reports it plainly instead of every value failing to
// open with an authentication error.
function generateDevelopmentKey(): KeyEncryptionKey {
  return { id: `dev-${randomBytes(4).toString('hex')}`, key: new Uint8Array(randomBytes(32)) };
}

function toKeyList(key: KeyEncryptionKey): string {
  return `${key.id}:${Buffer.from(key.key).toString('base64')}`;
}

function isErrorCode(error: unknown, code: string): boolean {
  return error instanceof Error && (error as NodeJS.ErrnoException).code === code;
}

async function readKeyFile(path: string): Promise<string | null> {
  try {
    return await readFile(path, 'utf8');
  } catch (error) {
    if (isErrorCode(error, 'ENOENT')) return null;
    throw error;
  }
}

/**
 * Creates the key file exactly once: the key is written to a private temporary file which is
 * then hard-linked into place. `link` fails when the target exists, so two servers booting on
 * one fresh data directory agree on one key, and no reader ever sees a half-written file.
 */
async function createKeyFile(dataDir: string, path: string): Promise<string> {
  await mkdir(dataDir, { recursive: true, mode: 0o700 });
  const spec = `${toKeyList(generateDevelopmentKey())}\n`;
  const temporary = join(dataDir, `.${DEVELOPMENT_KEY_FILE}.${randomBytes(6).toString('hex')}`);
  await writeFile(temporary, spec, { mode: 0o600, flag: 'wx' });
  try {
    await link(temporary, path);
    return spec;
  } catch (error) {
    if (!isErrorCode(error, 'EEXIST')) throw error;
    const existing = await readKeyFile(path);
    if (existing === null) throw error;
    return existing;
  } finally {
    await rm(temporary, { force: true });
  }
}

const NEVER_IN_PRODUCTION =
  `Never run production like this: set ${KEYS_VARIABLE} (generate a key with: ${GENERATE_KEY_COMMAND}). ` +
  `To keep reading values sealed under the development key, list it after the new key and run rotate-keys.`;

/**
 * Loads the key-encryption keys at boot.
 *
 * - `PIPELINE_CONNECT_KEYS` set: parsed (first key active) into a local key wrapper.
 * - unset (or blank) in production: boot refused — a server that made up its own key would
 *   encrypt secrets under a key nobody backs up.
 * - unset in development with a data directory: a key is generated once into
 *   `<dataDir>/encryption-key` (mode 0600; its content is a valid `PIPELINE_CONNECT_KEYS` value)
 *   and reused on every later boot; `warn` is called on every boot.
 * - unset in development with an in-memory database: an ephemeral key, with a warning (nothing
 *   it encrypts outlives the process anyway).
 *
 * @param options - the environment, data directory, mode and warning sink.
 * @returns the key wrapper.
 * @throws ConfigurationError when boot must be refused (no key in production, an invalid key
 *   list or key file). Messages never contain key material.
 */
export async function loadKeyWrapper(options: LoadKeyWrapperOptions): Promise<KeyWrapper> {
  const { env, dataDir, production, warn } = options;
  const spec = env[KEYS_VARIABLE];
  if (spec !== undefined && spec.trim() !== '') {
    return createLocalKeyWrapper(parseKeyList(spec));
  }
  if (production) {
    throw new ConfigurationError(
      `${KEYS_VARIABLE} is not set; refusing to start in production without an encryption key. ` +
        `Set ${KEYS_VARIABLE}=kid:base64key (32 random bytes; generate one with: ${GENERATE_KEY_COMMAND}) ` +
        `and keep it backed up: values encrypted under it cannot be read without it.`,
    );
  }
  if (dataDir === null) {
    const key = generateDevelopmentKey();
    warn(
      `WARNING: ${KEYS_VARIABLE} is not set and the database is in memory: using an EPHEMERAL ` +
        `development encryption key (key id "${key.id}") that dies with this process. ${NEVER_IN_PRODUCTION}`,
    );
    return createLocalKeyWrapper([key]);
  }

  const path = join(dataDir, DEVELOPMENT_KEY_FILE);
  let content = await readKeyFile(path);
  const created = content === null;
  content ??= await createKeyFile(dataDir, path);
  const keys = parseKeyList(content, `The development key file ${path}`);
  const wrapper = createLocalKeyWrapper(keys);
  warn(
    `WARNING: ${KEYS_VARIABLE} is not set: ${created ? 'generated' : 'using'} a DEVELOPMENT ` +
      `encryption key (key id "${wrapper.activeKeyId}") in ${path}. Anyone who can read that ` +
      `file can decrypt the stored secrets. ${NEVER_IN_PRODUCTION}`,
  );
  if (process.platform !== 'win32' && ((await stat(path)).mode & 0o077) !== 0) {
    warn(`WARNING: ${path} is readable by other users; restrict it with: chmod 600 "${path}"`);
  }
  return wrapper;
}

/** How many missing key ids a boot-refusal message lists before summarising the rest. */
const LISTED_KEY_IDS = 10;

/**
 * Refuses boot when the database holds values sealed under a key id the wrapper does not have:
 * starting anyway would turn every such value into a decryption error at request time, long
 * after the configuration mistake (a key dropped from `PIPELINE_CONNECT_KEYS` before
 * `rotate-keys` finished) could have been fixed.
 *
 * @param wrapper - the loaded key wrapper.
 * @param keyIdsInDatabase - the key ids of the sealed values stored (duplicates allowed).
 * @throws ConfigurationError naming the missing key ids.
 */
export function assertKeyIdsConfigured(
  wrapper: KeyWrapper,
  keyIdsInDatabase: Iterable<string>,
): void {
  const missing = new Set<string>();
  for (const keyId of keyIdsInDatabase) {
    if (!wrapper.has(keyId)) missing.add(keyId);
  }
  if (missing.size === 0) return;
  const sorted = [...missing].sort();
  // Key ids come from the database; JSON quoting keeps an odd one from garbling the message.
  const listed = sorted.slice(0, LISTED_KEY_IDS).map((keyId) => JSON.stringify(keyId));
  const more = sorted.length > LISTED_KEY_IDS ? ` and ${sorted.length - LISTED_KEY_IDS} more` : '';
  throw new ConfigurationError(
    `The database holds values encrypted under key id${sorted.length > 1 ? 's' : ''} ` +
      `${listed.join(', ')}${more}, not configured in ${KEYS_VARIABLE}; refusing to start. ` +
      `Add ${sorted.length > 1 ? 'those keys' : 'that key'} back to ${KEYS_VARIABLE} after the active key ` +
      `(a development key is kept in the data directory's ${DEVELOPMENT_KEY_FILE} file). ` +
      `Remove a key only once rotate-keys has re-wrapped every value under it.`,
  );
}

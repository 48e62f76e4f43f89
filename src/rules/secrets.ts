/**
 * The rules for secret values (API keys, client secrets): one definition for the dialogs, the
 * mock backend and the reference server.
 */
import { hasControlCharacter, hasFormatCharacter, utf8Length } from './characters';
import type { RuleProblem } from './problem';

/**
 * The fixed value the backend returns in place of every stored secret. Sending it back in an
 * update means "unchanged". It is never a slice of the real value.
 */
export const SECRET_MASK = '********';

/** The largest secret accepted, in UTF-8 bytes. */
export const SECRET_MAX_BYTES = 4096;

/** Why a secret is refused. */
export type SecretProblemCode = 'secret_whitespace' | 'secret_not_printable' | 'secret_too_long';

/**
 * Checks a secret that was already trimmed (pasted keys often carry a trailing newline, which
 * people never mean): no white space inside (a stray space or line break copied from a console
 * is in no key), only printable characters (no NUL or other control characters, no zero-width
 * or other format characters, no lone surrogates), and at most {@link SECRET_MAX_BYTES} bytes of
 * UTF-8. `label` names the field in the English message (e.g. "API Key").
 */
export function checkSecret(
  value: string,
  label = 'The secret',
): RuleProblem<SecretProblemCode> | null {
  if (/\s/u.test(value)) {
    return {
      code: 'secret_whitespace',
      message: `${label} must not contain spaces or line breaks.`,
    };
  }
  if (hasControlCharacter(value) || hasFormatCharacter(value)) {
    return {
      code: 'secret_not_printable',
      message: `${label} must contain only printable characters.`,
    };
  }
  // A string of more code units than the limit is over it in UTF-8 too: no need to count.
  if (value.length > SECRET_MAX_BYTES || utf8Length(value) > SECRET_MAX_BYTES) {
    return { code: 'secret_too_long', message: `${label} is too long (at most 4 KB).` };
  }
  return null;
}

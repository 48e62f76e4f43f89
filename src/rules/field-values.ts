/**
 * The rules for a provider's field values (`apiKeyFields`, an OAuth client's `clientFields`)
 * and their masking: one definition for the dialogs, the mock backend and the reference server.
 */
import type { CredentialValues, FieldSchema } from '../credentials/backend';
import { hasControlCharacter, utf8Length } from './characters';
import type { RuleProblem } from './problem';
import { checkSecret, SECRET_MASK, type SecretProblemCode } from './secrets';
import { checkUrlField, type UrlProblemCode } from './url-fields';

/** The largest text value accepted, in UTF-8 bytes (secrets have the same limit). */
export const VALUE_MAX_BYTES = 4096;

/** Why a field value is refused. */
export type FieldProblemCode =
  | 'value_required'
  | 'value_unknown_field'
  | 'value_not_text'
  | 'value_not_boolean'
  | 'value_not_an_option'
  | 'value_not_printable'
  | 'value_too_long'
  | 'secret_is_mask'
  | SecretProblemCode
  | UrlProblemCode;

/** A refused field value. */
export type FieldProblem = RuleProblem<FieldProblemCode>;

/** Options of {@link checkTextValue}. */
export interface TextValueOptions {
  /** Whether an empty value is refused (a required field, unless a stored secret is kept). */
  required: boolean;
}

/**
 * Checks one trimmed text-like value (`secret`, `text` or `select`) of a field: empty only when
 * not `required`; a secret by `checkSecret` (and never the mask itself); a select value from
 * the options; text printable (no control characters) and at most {@link VALUE_MAX_BYTES}.
 * URL fields are checked on top of this by {@link checkFieldValues} (a field schema does not
 * say which fields are URLs; the backend knows), so the dialogs do not carry the URL rules.
 */
export function checkTextValue(
  field: FieldSchema,
  value: string,
  options: TextValueOptions,
): FieldProblem | null {
  const { label } = field;
  if (value === '') {
    return options.required ? { code: 'value_required', message: `${label} is required.` } : null;
  }
  switch (field.type) {
    case 'secret':
      if (value === SECRET_MASK) {
        return { code: 'secret_is_mask', message: `Enter the ${label} itself.` };
      }
      return checkSecret(value, label);
    case 'select':
      return field.options?.some((option) => option.value === value)
        ? null
        : { code: 'value_not_an_option', message: `Choose one of the offered ${label} options.` };
    default:
      if (value.length > VALUE_MAX_BYTES || utf8Length(value) > VALUE_MAX_BYTES) {
        return { code: 'value_too_long', message: `${label} is too long (at most 4 KB).` };
      }
      if (hasControlCharacter(value)) {
        return {
          code: 'value_not_printable',
          message: `${label} must not contain line breaks or control characters.`,
        };
      }
      return null;
  }
}

/** The outcome of {@link checkFieldValues}: the values to store, or the problem of each field. */
export type FieldValuesResult =
  | { ok: true; values: CredentialValues }
  | {
      ok: false;
      /** Field name → English message, as the error envelope's `fieldErrors` carries it. */
      fieldErrors: Record<string, string>;
      /** Field name → the problem, for programs. */
      problems: Record<string, FieldProblem>;
    };

/** Options of {@link checkFieldValues}. */
export interface CheckFieldValuesOptions {
  /** The stored values (an update): omitted fields and secrets sent as the mask keep them. */
  previous?: CredentialValues;
  /** Text fields that must hold a URL (see `checkUrlField`). */
  urlFields?: readonly string[];
  /** A development backend (see `UrlFieldOptions`). */
  development?: boolean;
}

/**
 * Checks `incoming` against `fields` the way a backend does, and returns the values to store:
 * every field present (empty when not given), text trimmed, defaults applied. Keys that name
 * no field are refused. With `previous` (an update), omitted fields and secrets sent as
 * {@link SECRET_MASK} keep their stored value.
 */
export function checkFieldValues(
  fields: readonly FieldSchema[],
  incoming: CredentialValues,
  options: CheckFieldValuesOptions = {},
): FieldValuesResult {
  const { previous, urlFields = [], development } = options;
  const problems: Record<string, FieldProblem> = {};
  const values: CredentialValues = {};

  for (const name of Object.keys(incoming)) {
    if (!fields.some((field) => field.name === name)) {
      problems[name] = { code: 'value_unknown_field', message: 'This field is not known.' };
    }
  }

  for (const field of fields) {
    const given = Object.hasOwn(incoming, field.name) ? incoming[field.name] : undefined;
    const kept = previous?.[field.name];
    const result = checkField(field, given, kept, {
      url: urlFields.includes(field.name),
      development,
    });
    if (typeof result === 'object') problems[field.name] = result;
    else values[field.name] = result;
  }

  const names = Object.keys(problems);
  if (names.length === 0) return { ok: true, values };
  const fieldErrors: Record<string, string> = {};
  for (const name of names) fieldErrors[name] = problems[name]?.message ?? '';
  return { ok: false, fieldErrors, problems };
}

function checkField(
  field: FieldSchema,
  given: string | boolean | undefined,
  kept: string | boolean | undefined,
  options: { url: boolean; development?: boolean },
): string | boolean | FieldProblem {
  if (field.type === 'boolean') {
    const value = given ?? kept ?? (typeof field.default === 'boolean' ? field.default : false);
    return typeof value === 'boolean'
      ? value
      : { code: 'value_not_boolean', message: `${field.label} must be true or false.` };
  }

  if (field.type === 'secret' && given === SECRET_MASK && kept !== undefined) return kept;
  const raw = given ?? kept ?? (typeof field.default === 'string' ? field.default : '');
  if (typeof raw !== 'string') {
    return { code: 'value_not_text', message: `${field.label} must be text.` };
  }
  // Pasted keys often carry a trailing newline; people never mean it.
  const value = raw.trim();
  const problem =
    checkTextValue(field, value, { required: field.required }) ??
    (options.url && value !== '' ? checkUrlField(value, field.label, options) : null);
  return problem ?? value;
}

/** The values as the API shows them: every non-empty secret replaced by {@link SECRET_MASK}. */
export function maskValues(
  fields: readonly FieldSchema[],
  values: CredentialValues,
): CredentialValues {
  const masked: CredentialValues = {};
  for (const [name, value] of Object.entries(values)) {
    // Fail closed: a value whose field is unknown (a schema changed since) is masked too.
    const field = fields.find((candidate) => candidate.name === name);
    const secret = field === undefined || field.type === 'secret';
    // An empty optional secret (Jina Reader without a key) is shown as empty: that is no secret,
    // and a mask would tell the edit form a key exists.
    masked[name] = secret && value !== '' ? SECRET_MASK : value;
  }
  return masked;
}

import {
  SECRET_MASK,
  type CredentialValues,
  type FieldSchema,
} from '../../src/credentials/backend';

/** The largest secret accepted, in UTF-8 bytes. */
export const SECRET_MAX_BYTES = 4096;
/** The longest text value accepted, in characters. */
const TEXT_MAX_LENGTH = 2048;

/** The outcome of checking values against a field schema. */
export type FieldValuesResult =
  { ok: true; values: CredentialValues } | { ok: false; fieldErrors: Record<string, string> };

/**
 * Checks `incoming` against `fields` the way a real server would and returns the values to
 * store: every field present (empty when not given), text trimmed, defaults applied. With
 * `previous` (an update), omitted fields and secrets sent as {@link SECRET_MASK} keep their
 * stored value.
 */
export function checkFieldValues(
  fields: readonly FieldSchema[],
  incoming: CredentialValues,
  options: { previous?: CredentialValues; urlFields?: readonly string[] } = {},
): FieldValuesResult {
  const { previous, urlFields = [] } = options;
  const fieldErrors: Record<string, string> = {};
  const values: CredentialValues = {};

  for (const name of Object.keys(incoming)) {
    if (!fields.some((field) => field.name === name))
      fieldErrors[name] = 'This field is not known.';
  }

  for (const field of fields) {
    const given = Object.hasOwn(incoming, field.name) ? incoming[field.name] : undefined;
    const kept = previous?.[field.name];
    const result = checkField(field, given, kept, urlFields.includes(field.name));
    if (typeof result === 'object') fieldErrors[field.name] = result.error;
    else values[field.name] = result;
  }

  return Object.keys(fieldErrors).length > 0 ? { ok: false, fieldErrors } : { ok: true, values };
}

function checkField(
  field: FieldSchema,
  given: string | boolean | undefined,
  kept: string | boolean | undefined,
  mustBeUrl: boolean,
): string | boolean | { error: string } {
  if (field.type === 'boolean') {
    const value = given ?? kept ?? (typeof field.default === 'boolean' ? field.default : false);
    return typeof value === 'boolean' ? value : { error: `${field.label} must be true or false.` };
  }

  if (field.type === 'secret' && given === SECRET_MASK && kept !== undefined) return kept;
  const raw = given ?? kept ?? (typeof field.default === 'string' ? field.default : '');
  if (typeof raw !== 'string') return { error: `${field.label} must be text.` };
  // Pasted keys often carry a trailing newline; people never mean it.
  const value = raw.trim();

  if (value === '') return field.required ? { error: `${field.label} is required.` } : '';
  switch (field.type) {
    case 'secret':
      if (value === SECRET_MASK) return { error: `Enter the ${field.label} itself.` };
      if (/\s/.test(value))
        return { error: `${field.label} must not contain spaces or line breaks.` };
      if (new TextEncoder().encode(value).length > SECRET_MAX_BYTES) {
        return { error: `${field.label} is too long (at most 4 KB).` };
      }
      return value;
    case 'select':
      return field.options?.some((option) => option.value === value)
        ? value
        : { error: `Choose one of the offered ${field.label} options.` };
    case 'text':
      if (value.length > TEXT_MAX_LENGTH) return { error: `${field.label} is too long.` };
      if (mustBeUrl && !isHttpUrl(value))
        return { error: `${field.label} must start with https:// or http://.` };
      return value;
  }
}

function isHttpUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return url.protocol === 'https:' || url.protocol === 'http:';
  } catch {
    return false;
  }
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

import { z } from 'zod';
import type { CredentialValues, FieldSchema } from '../credentials/backend';
import type { Messages } from '../i18n/messages';
import { utf8Length } from '../rules/characters';
import { checkTextValue, VALUE_MAX_BYTES, type FieldProblem } from '../rules/field-values';
import { checkName, NAME_MAX_CHARACTERS, type NameProblem } from '../rules/names';

/*
 * The client-side checks of the Add API Key and Edit dialogs. The rules themselves live in
 * `src/rules/` (one definition, shared with the mock and the server); this module only turns
 * their problems into the active catalog's words.
 */

export { NAME_MAX_CHARACTERS, VALUE_MAX_BYTES };
export { countCharacters } from '../rules/characters';

/** The validation messages of the active catalog. */
export type ValidationMessages = Messages['apiKey']['validation'];

/** What the API key form holds: a name and the provider's field values, keyed by field name. */
export interface ApiKeyFormValues {
  name: string;
  values: Record<string, string | boolean>;
}

/** Options of {@link buildFieldValuesSchema}. */
export interface FieldValuesSchemaOptions {
  /**
   * Editing a stored credential: an empty secret keeps the stored value, so it is never required.
   */
  keepSecrets?: boolean;
}

/** Options of {@link buildApiKeyFormSchema}. */
export interface ApiKeyFormSchemaOptions {
  /** `create`: the name is optional (the backend names it); `edit`: the name is required. */
  mode: 'create' | 'edit';
}

/** The UTF-8 size of a value: what the limit is about is what goes over the wire and into storage. */
export function byteLength(text: string): number {
  return utf8Length(text);
}

function nameMessage(problem: NameProblem, messages: ValidationMessages): string {
  switch (problem.code) {
    case 'name_required':
      return messages.nameRequired;
    case 'name_too_long':
      return messages.nameTooLong({ max: NAME_MAX_CHARACTERS });
    case 'name_control_character':
      return messages.nameControlCharacters;
    case 'name_invisible_character':
      return messages.nameInvisibleCharacters;
  }
}

/**
 * The Authorization Name by the name rules (`checkName`): at most 1,000 code units looked at,
 * then trimmed, 1–{@link NAME_MAX_CHARACTERS} characters, no control, zero-width or bidi
 * characters. When not `required`, an empty (or whitespace-only) name is valid and comes out as
 * `''`, which lets the backend choose one.
 */
export function buildNameSchema(messages: ValidationMessages, options: { required: boolean }) {
  return z.string().transform((input, ctx) => {
    const { name, problem } = checkName(input, options);
    if (problem) ctx.addIssue({ code: 'custom', message: nameMessage(problem, messages) });
    return name;
  });
}

function fieldMessage(
  problem: FieldProblem,
  field: FieldSchema,
  messages: ValidationMessages,
): string {
  switch (problem.code) {
    case 'value_required':
      return messages.required(field);
    case 'value_not_an_option':
      return messages.selectOption;
    case 'secret_whitespace':
      return messages.secretWhitespace;
    case 'secret_not_printable':
    case 'value_not_printable':
      return messages.notPrintable;
    case 'secret_is_mask':
      return messages.secretIsMask;
    case 'secret_too_long':
    case 'value_too_long':
      return messages.tooLong({ maxBytes: VALUE_MAX_BYTES });
    default:
      // The dialogs do not check URLs (the schema does not say which fields are URLs): the
      // backend does, and its field error is shown as sent.
      return problem.message;
  }
}

function stringFieldSchema(
  field: FieldSchema,
  messages: ValidationMessages,
  options: FieldValuesSchemaOptions,
) {
  const required = field.required && !(field.type === 'secret' && options.keepSecrets);
  const checked = z
    .string()
    .trim()
    .superRefine((value, ctx) => {
      const problem = checkTextValue(field, value, { required });
      if (problem)
        ctx.addIssue({ code: 'custom', message: fieldMessage(problem, field, messages) });
    });
  // A value the form never held (e.g. a field added to the schema later) counts as empty.
  return z.preprocess((value) => value ?? '', checked);
}

/**
 * Validates the values of a provider's fields (`apiKeyFields`, or an OAuth client's extra
 * `clientFields`), keyed by field name, by the field-value rules (`checkTextValue`): required
 * fields, printable secrets without inner whitespace (outer whitespace is trimmed away), at most
 * {@link VALUE_MAX_BYTES} bytes, select values from the options. Keys that are not in the schema
 * are dropped.
 */
export function buildFieldValuesSchema(
  fields: FieldSchema[],
  messages: ValidationMessages,
  options: FieldValuesSchemaOptions = {},
): z.ZodType<Record<string, string | boolean>, Record<string, string | boolean>> {
  const shape: Record<string, z.ZodType> = {};
  for (const field of fields) {
    shape[field.name] =
      field.type === 'boolean'
        ? z.preprocess((value) => value ?? false, z.boolean())
        : stringFieldSchema(field, messages, options);
  }
  return z.object(shape) as unknown as z.ZodType<
    Record<string, string | boolean>,
    Record<string, string | boolean>
  >;
}

/** The whole API key form: the Authorization Name and the provider's field values. */
export function buildApiKeyFormSchema(
  fields: FieldSchema[],
  messages: ValidationMessages,
  options: ApiKeyFormSchemaOptions,
): z.ZodType<ApiKeyFormValues, ApiKeyFormValues> {
  const editing = options.mode === 'edit';
  return z.object({
    name: buildNameSchema(messages, { required: editing }),
    values: buildFieldValuesSchema(fields, messages, { keepSecrets: editing }),
  });
}

/**
 * The starting values of a provider's fields: each field's `default` (or empty), overridden by
 * `current` values of a stored credential. Secrets always start empty: the stored value is
 * never sent back, and its mask must not be mistaken for input.
 */
export function defaultFieldValues(
  fields: FieldSchema[],
  current?: CredentialValues,
): Record<string, string | boolean> {
  const values: Record<string, string | boolean> = {};
  for (const field of fields) {
    if (field.type === 'boolean') {
      const stored = current?.[field.name];
      values[field.name] =
        typeof stored === 'boolean' ? stored : typeof field.default === 'boolean' && field.default;
    } else if (field.type === 'secret') {
      values[field.name] = '';
    } else {
      const stored = current?.[field.name];
      values[field.name] =
        typeof stored === 'string'
          ? stored
          : typeof field.default === 'string'
            ? field.default
            : '';
    }
  }
  return values;
}

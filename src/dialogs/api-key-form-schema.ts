import * as z from 'zod/mini';
import type { FieldSchema } from '../credentials/backend';
import type { Messages } from '../i18n/messages';
import { utf8Length } from '../rules/characters';
import { checkTextValue, VALUE_MAX_BYTES, type FieldProblem } from '../rules/field-values';
import { NAME_MAX_CHARACTERS } from '../rules/names';
import type { ApiKeyFormValues } from './api-key-form-values';
import { checkNameInput } from './name-check';

/*
 * The client-side checks of the Add API Key and Edit dialogs. The rules themselves live in
 * `src/rules/` (one definition, shared with the mock and the server); this module only turns
 * their problems into the active catalog's words.
 */

export { NAME_MAX_CHARACTERS, VALUE_MAX_BYTES };
export { countCharacters } from '../rules/characters';
// Re-exported: the form's values and their defaults live apart from zod (./api-key-form-values).
export { defaultFieldValues, type ApiKeyFormValues } from './api-key-form-values';

/** The validation messages of the active catalog. */
export type ValidationMessages = Messages['apiKey']['validation'];

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

/**
 * The Authorization Name by the name rules (`checkName`): at most 1,000 code units looked at,
 * then trimmed, 1–{@link NAME_MAX_CHARACTERS} characters, no control, zero-width or bidi
 * characters. When not `required`, an empty (or whitespace-only) name is valid and comes out as
 * `''`, which lets the backend choose one.
 */
export function buildNameSchema(messages: ValidationMessages, options: { required: boolean }) {
  return z.pipe(
    z.string(),
    z.transform((input: string, ctx) => {
      const { name, error } = checkNameInput(input, messages, options);
      if (error) ctx.issues.push({ code: 'custom', message: error, input });
      return name;
    }),
  );
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
  const checked = z.string().check(
    z.trim(),
    z.superRefine((value, ctx) => {
      const problem = checkTextValue(field, value, { required });
      if (problem) {
        const message = fieldMessage(problem, field, messages);
        ctx.issues.push({ code: 'custom', message, input: value });
      }
    }),
  );
  // A value the form never held (e.g. a field added to the schema later) counts as empty.
  return z.pipe(
    z.transform((value: unknown) => value ?? ''),
    checked,
  );
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
): z.ZodMiniType<Record<string, string | boolean>, Record<string, string | boolean>> {
  const shape: Record<string, z.ZodMiniType> = {};
  for (const field of fields) {
    shape[field.name] =
      field.type === 'boolean'
        ? z.pipe(
            z.transform((value: unknown) => value ?? false),
            z.boolean(),
          )
        : stringFieldSchema(field, messages, options);
  }
  return z.object(shape) as unknown as z.ZodMiniType<
    Record<string, string | boolean>,
    Record<string, string | boolean>
  >;
}

/** The whole API key form: the Authorization Name and the provider's field values. */
export function buildApiKeyFormSchema(
  fields: FieldSchema[],
  messages: ValidationMessages,
  options: ApiKeyFormSchemaOptions,
): z.ZodMiniType<ApiKeyFormValues, ApiKeyFormValues> {
  const editing = options.mode === 'edit';
  return z.object({
    name: buildNameSchema(messages, { required: editing }),
    values: buildFieldValuesSchema(fields, messages, { keepSecrets: editing }),
  });
}

import { z } from 'zod';
import type { CredentialValues, FieldSchema } from '../credentials/backend';
import type { Messages } from '../i18n/messages';

/** The longest Authorization Name, in characters as people count them (the contract's limit). */
export const NAME_MAX_CHARACTERS = 100;

/** The largest value a field accepts, in UTF-8 bytes. */
export const VALUE_MAX_BYTES = 4096;

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

const segmenter =
  typeof Intl !== 'undefined' && 'Segmenter' in Intl
    ? new Intl.Segmenter(undefined, { granularity: 'grapheme' })
    : null;

/**
 * Counts characters as people see them (grapheme clusters): "👍🏽" and "👨‍👩‍👧" are one each,
 * where `String.length` would say 4 and 8. Falls back to code points without `Intl.Segmenter`.
 */
export function countCharacters(text: string): number {
  if (!segmenter) return Array.from(text).length;
  let count = 0;
  for (const _segment of segmenter.segment(text)) count += 1;
  return count;
}

const encoder = new TextEncoder();

/** The UTF-8 size of a value: what the limit is about is what goes over the wire and into storage. */
export function byteLength(text: string): number {
  return encoder.encode(text).length;
}

/*
 * Control characters (line breaks, NUL, escape…) in a name break every place that shows it on one
 * line. Markup such as `<b>` is allowed on purpose: names are only ever rendered as text, and
 * refusing `<` would reject honest names like "Prod <EU>".
 */
const controlCharacter = /\p{Cc}/u;
const whitespace = /\s/u;

/**
 * The Authorization Name: trimmed, 1–{@link NAME_MAX_CHARACTERS} characters, no control
 * characters. When not `required`, an empty (or whitespace-only) name is valid and comes out as
 * `''`, which lets the backend choose one.
 */
export function buildNameSchema(messages: ValidationMessages, options: { required: boolean }) {
  return z
    .string()
    .trim()
    .superRefine((name, ctx) => {
      if (name === '') {
        if (options.required) ctx.addIssue({ code: 'custom', message: messages.nameRequired });
        return;
      }
      if (countCharacters(name) > NAME_MAX_CHARACTERS) {
        ctx.addIssue({
          code: 'custom',
          message: messages.nameTooLong({ max: NAME_MAX_CHARACTERS }),
        });
      } else if (controlCharacter.test(name)) {
        ctx.addIssue({ code: 'custom', message: messages.nameControlCharacters });
      }
    });
}

function stringFieldSchema(
  field: FieldSchema,
  messages: ValidationMessages,
  options: FieldValuesSchemaOptions,
) {
  const isSecret = field.type === 'secret';
  const required = field.required && !(isSecret && options.keepSecrets);
  const checked = z
    .string()
    .trim()
    .superRefine((value, ctx) => {
      if (value === '') {
        if (required) ctx.addIssue({ code: 'custom', message: messages.required(field) });
        return;
      }
      if (field.type === 'select') {
        if (!field.options?.some((option) => option.value === value)) {
          ctx.addIssue({ code: 'custom', message: messages.selectOption });
        }
        return;
      }
      // Keys copied from a console often carry a stray space or line break that no key contains.
      if (isSecret && whitespace.test(value)) {
        ctx.addIssue({ code: 'custom', message: messages.secretWhitespace });
      } else if (byteLength(value) > VALUE_MAX_BYTES) {
        ctx.addIssue({ code: 'custom', message: messages.tooLong({ maxBytes: VALUE_MAX_BYTES }) });
      }
    });
  // A value the form never held (e.g. a field added to the schema later) counts as empty.
  return z.preprocess((value) => value ?? '', checked);
}

/**
 * Validates the values of a provider's fields (`apiKeyFields`, or an OAuth client's extra
 * `clientFields`), keyed by field name: required fields, secrets without inner whitespace
 * (outer whitespace is trimmed away), at most {@link VALUE_MAX_BYTES} bytes, select values from
 * the options. Keys that are not in the schema are dropped.
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

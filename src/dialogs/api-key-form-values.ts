import type { CredentialValues, FieldSchema } from '../credentials/backend';

/*
 * The API key form's values and their defaults, apart from the zod schema that checks them: the
 * dialogs' shells need these at once, the schema only once the form's chunk has loaded.
 */

/** What the API key form holds: a name and the provider's field values, keyed by field name. */
export interface ApiKeyFormValues {
  name: string;
  values: Record<string, string | boolean>;
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

import type { FieldPath } from 'react-hook-form';
import {
  SECRET_MASK,
  type FieldSchema,
  type OAuthClientSettings,
  type SaveOAuthClientInput,
} from '../credentials/backend';
import type { Messages } from '../i18n/messages';
import { buildFieldValuesSchema, defaultFieldValues } from './api-key-form-schema';

/**
 * What the OAuth client form holds: the chosen mode, the custom client's ID and secret, and the
 * provider's own client fields under `extra` (the shape of `SaveOAuthClientInput`, so a failed
 * save's field paths name the form's fields as they are).
 */
export interface OAuthClientFormValues {
  mode: 'default' | 'custom';
  clientId: string;
  clientSecret: string;
  extra: Record<string, string | boolean>;
}

/** Field errors of the form, by path. */
export type OAuthClientFormErrors = Partial<Record<FieldPath<OAuthClientFormValues>, string>>;

/** The order a reader meets the fields in, where focus goes to the first wrong one. */
export const oauthClientFieldOrder: FieldPath<OAuthClientFormValues>[] = [
  'clientId',
  'clientSecret',
];

/**
 * Where the form starts: the saved mode (Custom where the platform has no client of its own),
 * the saved Client ID and fields, and never the saved secret.
 */
export function initialOAuthClientValues(
  settings: OAuthClientSettings,
  fields: FieldSchema[],
): OAuthClientFormValues {
  return {
    mode: settings.hasPlatformClient ? settings.mode : 'custom',
    clientId: settings.custom?.clientId ?? '',
    clientSecret: '',
    extra: defaultFieldValues(fields, settings.custom?.extra),
  };
}

/**
 * Checks the form synchronously (Save and Authorize must open its popup within the click, so
 * nothing here may await): a custom client needs an ID, a secret unless one is saved, and valid
 * provider fields.
 */
export function validateOAuthClient(
  values: OAuthClientFormValues,
  fields: FieldSchema[],
  hasSavedCustom: boolean,
  messages: Messages,
): OAuthClientFormErrors {
  const errors: OAuthClientFormErrors = {};
  if (values.mode !== 'custom') return errors;
  const m = messages.oauth.client;
  if (values.clientId.trim() === '') errors.clientId = m.clientIdRequired;
  if (!hasSavedCustom && values.clientSecret.trim() === '')
    errors.clientSecret = m.clientSecretRequired;
  const extra = buildFieldValuesSchema(fields, messages.apiKey.validation).safeParse(values.extra);
  if (!extra.success) {
    for (const issue of extra.error.issues) {
      const name = issue.path[0];
      if (typeof name === 'string') errors[`extra.${name}`] ??= issue.message;
    }
  }
  return errors;
}

/** What a save sends: the mode alone for Default; trimmed values for Custom. */
export function toOAuthClientInput(
  values: OAuthClientFormValues,
  fields: FieldSchema[],
): SaveOAuthClientInput {
  if (values.mode === 'default') return { mode: 'default' };
  const secret = values.clientSecret.trim();
  const extra: Record<string, string> = {};
  for (const field of fields) {
    const value = values.extra[field.name];
    if (value !== undefined)
      extra[field.name] = typeof value === 'string' ? value.trim() : String(value);
  }
  return {
    mode: 'custom',
    clientId: values.clientId.trim(),
    // Blank means "keep the saved secret"; the mask is how the contract says so.
    clientSecret: secret === '' ? SECRET_MASK : secret,
    extra,
  };
}

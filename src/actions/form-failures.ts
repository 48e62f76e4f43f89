import type { FieldSchema } from '../credentials/backend';
import { isCredentialsError } from '../credentials/credentials-error';
import type { Messages } from '../i18n/messages';
import { ActionFailure, type FieldFailure } from './action-failure';
import { errorMessage } from './error-message';

/*
 * How a failed save is said on each kind of form. The backend names a provider's fields bare
 * (`apiKey`, `tenant`); the failures name them by their path in the input that was sent
 * (`values.apiKey`, `extra.tenant`), which is also where the forms keep them.
 */

/**
 * A failed create or edit of an API key credential. A taken name lands on `name`; the backend's
 * field errors land on the fields the form shows (`fields`, in its order), and a summary
 * says what no field can (a complaint about a field the form does not have, or no field at
 * all); `Retry-After` is passed on so the form can wait it out.
 */
export function apiKeyFailure(
  error: unknown,
  messages: Messages,
  fields: readonly Pick<FieldSchema, 'name'>[],
): ActionFailure {
  const m = messages.apiKey;
  if (!isCredentialsError(error)) return ActionFailure.from(error, messages);
  if (error.code === 'duplicate_name') {
    return new ActionFailure({
      cause: error,
      fieldErrors: [{ path: 'name', message: m.validation.nameDuplicate }],
      summary: null,
    });
  }
  const retryAfterSeconds = error.retryAfterSeconds;
  const reported = Object.keys(error.fieldErrors);
  if (reported.length === 0) {
    return new ActionFailure({
      cause: error,
      summary: errorMessage(error, messages),
      retryAfterSeconds,
    });
  }
  // In form order, so focus lands on the first wrong field a reader meets.
  const fieldErrors = ['name', ...fields.map((field) => field.name)].flatMap(
    (key): FieldFailure[] => {
      const message = error.fieldErrors[key];
      if (message === undefined) return [];
      return [{ path: key === 'name' ? 'name' : `values.${key}`, message }];
    },
  );
  let summary: string | null = null;
  if (fieldErrors.length !== reported.length) {
    summary = fieldErrors.length > 0 ? m.checkFields : error.message || m.checkFields;
  }
  return new ActionFailure({ cause: error, fieldErrors, summary, retryAfterSeconds });
}

/** Where the backend's name for an OAuth client field is in the saved input, if the form has it. */
function oauthClientPathOf(
  name: string,
  fields: readonly Pick<FieldSchema, 'name'>[],
): string | null {
  if (name === 'clientId' || name === 'clientSecret') return name;
  const bare = name.startsWith('extra.') ? name.slice('extra.'.length) : name;
  return fields.some((field) => field.name === bare) ? `extra.${bare}` : null;
}

/**
 * A failed save of OAuth client settings: the backend's field errors on Client ID, Client Secret
 * and the provider's client fields (`fields`) when any of them is named, otherwise one
 * sentence that says the settings were not saved and why.
 */
export function oauthClientFailure(
  error: unknown,
  messages: Messages,
  fields: readonly Pick<FieldSchema, 'name'>[],
): ActionFailure {
  if (isCredentialsError(error)) {
    const fieldErrors = Object.entries(error.fieldErrors).flatMap(
      ([name, message]): FieldFailure[] => {
        const path = oauthClientPathOf(name, fields);
        return path === null ? [] : [{ path, message }];
      },
    );
    if (fieldErrors.length > 0)
      return new ActionFailure({ cause: error, fieldErrors, summary: null });
  }
  return new ActionFailure({
    cause: error,
    summary: `${messages.oauth.client.saveFailed} ${errorMessage(error, messages)}`,
  });
}

/**
 * A failed rename, as one sentence for the line under the name input: a taken name, an edit that
 * lost a race (the list has refetched, so trying again works), the backend's word on the name,
 * or what happened.
 */
export function renameFailure(error: unknown, messages: Messages): ActionFailure {
  let summary = errorMessage(error, messages);
  if (isCredentialsError(error)) {
    if (error.code === 'duplicate_name') summary = messages.apiKey.validation.nameDuplicate;
    else if (error.code === 'version_conflict') summary = messages.manage.rename.stale;
    // An empty message says nothing: keep the general one then.
    else summary = error.fieldErrors.name || summary;
  }
  return new ActionFailure({ cause: error, summary });
}

import { ActionFailure, CredentialsError, type CredentialsErrorBody } from 'pipeline-connect';
import { describe, expect, it } from 'vitest';
// Internal on purpose: the forms' error mapping and the English catalog object (only its type
// is public) are what this file tests against.
import { apiKeyFailure, oauthClientFailure, renameFailure } from '../../src/actions/form-failures';
import { en } from '../../src/i18n/en';

function backendError(
  status: number,
  body: Partial<CredentialsErrorBody> & Pick<CredentialsErrorBody, 'code'>,
  retryAfterSeconds?: number,
) {
  return new CredentialsError(
    status,
    { message: '', retryable: false, ...body },
    { retryAfterSeconds },
  );
}

const apiKeyFields = [{ name: 'apiKey' }, { name: 'baseUrl' }];

describe('ActionFailure.from', () => {
  it('says what happened in one sentence, keeping the error as its cause', () => {
    const error = backendError(403, { code: 'forbidden' });
    const failure = ActionFailure.from(error, en);
    expect(failure).toBeInstanceOf(Error);
    expect(failure.summary).toBe('You do not have permission to do this.');
    expect(failure.message).toBe(failure.summary);
    expect(failure.fieldErrors).toEqual([]);
    expect(failure.cause).toBe(error);
  });

  it('passes a failure through unchanged', () => {
    const failure = new ActionFailure({ cause: null, summary: 'Already said.' });
    expect(ActionFailure.from(failure, en)).toBe(failure);
  });
});

describe('apiKeyFailure', () => {
  it('puts a taken name (409) on the name, with nothing else to say', () => {
    const failure = apiKeyFailure(backendError(409, { code: 'duplicate_name' }), en, apiKeyFields);
    expect(failure.fieldErrors).toEqual([
      { path: 'name', message: en.apiKey.validation.nameDuplicate },
    ]);
    expect(failure.summary).toBeNull();
    expect(failure.retryAfterSeconds).toBeNull();
  });

  it('puts field errors (422) on their fields in form order, under `values.`', () => {
    const error = backendError(422, {
      code: 'validation_failed',
      message: 'Some values are wrong.',
      fieldErrors: { baseUrl: 'Not a URL.', apiKey: 'Wrong format.', name: 'Too long.' },
    });
    const failure = apiKeyFailure(error, en, apiKeyFields);
    expect(failure.fieldErrors).toEqual([
      { path: 'name', message: 'Too long.' },
      { path: 'values.apiKey', message: 'Wrong format.' },
      { path: 'values.baseUrl', message: 'Not a URL.' },
    ]);
    expect(failure.summary).toBeNull();
  });

  it('says what no field can: a complaint about a field the form does not show', () => {
    const shown = apiKeyFailure(
      backendError(422, {
        code: 'validation_failed',
        message: 'Region is wrong.',
        fieldErrors: { apiKey: 'Wrong format.', region: 'Unknown region.' },
      }),
      en,
      apiKeyFields,
    );
    expect(shown.fieldErrors).toEqual([{ path: 'values.apiKey', message: 'Wrong format.' }]);
    expect(shown.summary).toBe(en.apiKey.checkFields);

    const unshown = apiKeyFailure(
      backendError(422, {
        code: 'validation_failed',
        message: 'Region is wrong.',
        fieldErrors: { region: 'Unknown region.' },
      }),
      en,
      apiKeyFields,
    );
    expect(unshown.fieldErrors).toEqual([]);
    expect(unshown.summary).toBe('Region is wrong.');
  });

  it('passes Retry-After on (429) with a sentence that says how long', () => {
    const failure = apiKeyFailure(backendError(429, { code: 'rate_limited' }, 7), en, apiKeyFields);
    expect(failure.retryAfterSeconds).toBe(7);
    expect(failure.summary).toBe(en.common.error.rateLimited({ seconds: 7 }));
    expect(failure.fieldErrors).toEqual([]);
  });

  it('says a server error is worth retrying, and any other rejection is unknown', () => {
    expect(apiKeyFailure(backendError(503, { code: 'server_error' }), en, []).summary).toBe(
      en.common.error.server,
    );
    expect(apiKeyFailure(new TypeError('boom'), en, []).summary).toBe(en.common.error.unknown);
  });
});

describe('oauthClientFailure', () => {
  const clientFields = [{ name: 'tenant' }];

  it('puts field errors on Client ID, Client Secret and the provider’s fields under `extra.`', () => {
    const failure = oauthClientFailure(
      backendError(422, {
        code: 'validation_failed',
        fieldErrors: {
          clientId: 'No spaces.',
          'extra.tenant': 'Unknown tenant.',
          unknown: 'Ignored.',
        },
      }),
      en,
      clientFields,
    );
    expect(failure.fieldErrors).toEqual([
      { path: 'clientId', message: 'No spaces.' },
      { path: 'extra.tenant', message: 'Unknown tenant.' },
    ]);
    expect(failure.summary).toBeNull();
    expect(
      oauthClientFailure(
        backendError(422, { code: 'validation_failed', fieldErrors: { tenant: 'Bare.' } }),
        en,
        clientFields,
      ).fieldErrors,
    ).toEqual([{ path: 'extra.tenant', message: 'Bare.' }]);
  });

  it('otherwise says that nothing was saved, and why', () => {
    const failure = oauthClientFailure(backendError(0, { code: 'network_error' }), en, []);
    expect(failure.fieldErrors).toEqual([]);
    expect(failure.summary).toBe(`${en.oauth.client.saveFailed} ${en.common.error.network}`);
  });
});

describe('renameFailure', () => {
  it('says a taken name, a lost race, the backend’s word on the name, or what happened', () => {
    expect(renameFailure(backendError(409, { code: 'duplicate_name' }), en).summary).toBe(
      en.apiKey.validation.nameDuplicate,
    );
    expect(renameFailure(backendError(412, { code: 'version_conflict' }), en).summary).toBe(
      en.manage.rename.stale,
    );
    expect(
      renameFailure(
        backendError(422, { code: 'validation_failed', fieldErrors: { name: 'Too long.' } }),
        en,
      ).summary,
    ).toBe('Too long.');
    expect(renameFailure(backendError(500, { code: 'server_error' }), en).summary).toBe(
      en.common.error.server,
    );
  });
});

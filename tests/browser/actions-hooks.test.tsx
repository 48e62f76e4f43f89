import type { QueryClient } from '@tanstack/react-query';
import {
  ActionFailure,
  CredentialsError,
  PipelineConnectProvider,
  createPipelineConnectQueryClient,
  useCreateApiKey,
  useDeleteCredential,
  useDeleteOAuthClient,
  useRenameCredential,
  useSaveOAuthClient,
  useSetDefaultCredential,
  useUpdateCredential,
  type Credential,
  type CredentialsBackend,
  type CredentialsErrorBody,
  type FieldSchema,
  type OAuthClientSettings,
} from 'pipeline-connect';
import { createMockStore } from 'pipeline-connect/mocks';
import type { ReactNode } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { page } from 'vitest/browser';
import { renderHook } from 'vitest-browser-react';

/*
 * The actions' contract, without a dialog: each hook runs against a backend double that answers
 * what the test says, inside the provider (its toast outlet shows the notices).
 */

const SECRET = 'fc-0123456789abcdef0123456789abcdef';
const fields: FieldSchema[] = [
  { name: 'apiKey', label: 'API Key', type: 'secret', required: true },
  { name: 'baseUrl', label: 'Base URL', type: 'text', required: false },
];

/** A stored credential as the backend lists it (the mock's seed), with what the test says. */
const seeded = createMockStore({ seed: 'mixed' })
  .listCredentials()
  .find((candidate) => candidate.id === 'cred-firecrawl-production')!;
function credential(overrides: Partial<Credential> = {}): Credential {
  return { ...seeded, id: 'cred-1', name: 'Production', version: 3, ...overrides };
}

const oauthSettings: OAuthClientSettings = {
  providerId: 'dropbox',
  mode: 'custom',
  hasPlatformClient: false,
  custom: { clientId: 'dbx-1', clientSecret: '********', extra: {} },
  redirectUri: 'https://example.test/oauth-callback.html',
};

function failure(status: number, body: Partial<CredentialsErrorBody> & { code: string }) {
  return new CredentialsError(status, { message: '', retryable: false, ...body });
}

/** A backend whose every call is a spy; the test gives the ones it needs an answer. */
function fakeBackend(answers: Partial<CredentialsBackend> = {}): CredentialsBackend {
  return {
    listProviders: vi.fn(async () => []),
    listCredentials: vi.fn(async () => []),
    ...answers,
  } as CredentialsBackend;
}

async function renderAction<T>(hook: () => T, backend: CredentialsBackend) {
  const queryClient = createPipelineConnectQueryClient();
  const wrapper = ({ children }: { children: ReactNode }) => (
    <PipelineConnectProvider backend={backend} queryClient={queryClient}>
      {children}
    </PipelineConnectProvider>
  );
  const rendered = await renderHook(hook, { wrapper });
  return { ...rendered, queryClient };
}

/**
 * The attempt is reset: with the hook still mounted, a mutation stays in the cache (its
 * variables, secret included) until it is reset; once reset, `gcTime: 0` removes it.
 */
async function expectForgotten(queryClient: QueryClient) {
  await vi.waitFor(() => expect(queryClient.getMutationCache().getAll()).toHaveLength(0));
}

async function rejection(promise: Promise<unknown>): Promise<ActionFailure> {
  const error = await promise.then(
    () => null,
    (reason: unknown) => reason,
  );
  expect(error).toBeInstanceOf(ActionFailure);
  return error as ActionFailure;
}

describe('useCreateApiKey', () => {
  it('creates, names the credential in a notice and forgets the input', async () => {
    const created = credential({ name: 'Created one' });
    const createApiKeyCredential = vi.fn(async () => created);
    const { result, queryClient } = await renderAction(
      () => useCreateApiKey({ providerId: 'firecrawl', fields }),
      fakeBackend({ createApiKeyCredential }),
    );

    await expect(result.current.create({ values: { apiKey: SECRET } })).resolves.toBe(created);
    expect(createApiKeyCredential).toHaveBeenCalledWith(
      'firecrawl',
      { values: { apiKey: SECRET } },
      { idempotencyKey: expect.any(String) },
    );
    await expect.element(page.getByText('“Created one” was added.')).toBeVisible();
    await expectForgotten(queryClient);
  });

  it('rejects with the field errors mapped, forgets the input, and reuses the key for a retry', async () => {
    const createApiKeyCredential = vi
      .fn<CredentialsBackend['createApiKeyCredential']>()
      .mockRejectedValueOnce(
        failure(422, {
          code: 'validation_failed',
          fieldErrors: { apiKey: 'The provider refused this key.' },
        }),
      )
      .mockRejectedValueOnce(failure(503, { code: 'server_error', retryable: true }))
      .mockResolvedValue(credential({ name: 'Retried' }));
    const { result, queryClient } = await renderAction(
      () => useCreateApiKey({ providerId: 'firecrawl', fields }),
      fakeBackend({ createApiKeyCredential }),
    );
    const input = { values: { apiKey: SECRET } };

    const refused = await rejection(result.current.create(input));
    expect(refused.fieldErrors).toEqual([
      { path: 'values.apiKey', message: 'The provider refused this key.' },
    ]);
    expect(refused.summary).toBeNull();
    await expectForgotten(queryClient);
    expect(JSON.stringify(queryClient.getMutationCache().getAll())).not.toContain(SECRET);

    const down = await rejection(result.current.create(input));
    expect(down.summary).toBe('The server had a problem. Trying again may help.');
    await result.current.create(input);

    const keys = createApiKeyCredential.mock.calls.map((call) => call[2]?.idempotencyKey);
    expect(new Set(keys).size).toBe(1);
  });

  it('uses a new key once the input changed, after a success and after forgetAttempt', async () => {
    const createApiKeyCredential = vi
      .fn<CredentialsBackend['createApiKeyCredential']>()
      .mockRejectedValueOnce(failure(503, { code: 'server_error' }))
      .mockRejectedValueOnce(failure(503, { code: 'server_error' }))
      .mockResolvedValueOnce(credential())
      .mockRejectedValueOnce(failure(503, { code: 'server_error' }))
      .mockResolvedValue(credential());
    const { result } = await renderAction(
      () => useCreateApiKey({ providerId: 'firecrawl', fields }),
      fakeBackend({ createApiKeyCredential }),
    );

    await rejection(result.current.create({ values: { apiKey: SECRET } }));
    await rejection(result.current.create({ values: { apiKey: `${SECRET}0` } }));
    await result.current.create({ values: { apiKey: `${SECRET}0` } });
    await rejection(result.current.create({ values: { apiKey: `${SECRET}0` } }));
    result.current.forgetAttempt();
    await result.current.create({ values: { apiKey: `${SECRET}0` } });

    const keys = createApiKeyCredential.mock.calls.map((call) => call[2]?.idempotencyKey);
    // Changed input → new key; the same input → the same key; success and forgetAttempt → new.
    expect(keys[1]).not.toBe(keys[0]);
    expect(keys[2]).toBe(keys[1]);
    expect(keys[3]).not.toBe(keys[2]);
    expect(keys[4]).not.toBe(keys[3]);
  });
});

describe('useUpdateCredential', () => {
  it('sends nothing when nothing changed, and says so', async () => {
    const updateCredential = vi.fn();
    const { result } = await renderAction(
      () => useUpdateCredential({ fields }),
      fakeBackend({ updateCredential }),
    );
    await expect(result.current.update(credential(), null)).resolves.toBeNull();
    expect(updateCredential).not.toHaveBeenCalled();
    await expect.element(page.getByText('Nothing has changed.')).toBeVisible();
  });

  it('saves against the version it was given, says so and forgets the retyped secret', async () => {
    const updateCredential = vi.fn(async () => credential({ name: 'Saved one', version: 4 }));
    const { result, queryClient } = await renderAction(
      () => useUpdateCredential({ fields }),
      fakeBackend({ updateCredential }),
    );
    const saved = await result.current.update(credential(), { values: { apiKey: SECRET } });
    expect(saved?.version).toBe(4);
    expect(updateCredential).toHaveBeenCalledWith('cred-1', 3, { values: { apiKey: SECRET } });
    await expect.element(page.getByText('“Saved one” was saved.')).toBeVisible();
    await expectForgotten(queryClient);
  });

  it('says when someone else changed it meanwhile (412), and forgets the input', async () => {
    const updateCredential = vi.fn(async () => {
      throw failure(412, { code: 'version_conflict' });
    });
    const { result, queryClient } = await renderAction(
      () => useUpdateCredential({ fields }),
      fakeBackend({ updateCredential }),
    );
    const stale = await rejection(
      result.current.update(credential(), { values: { apiKey: SECRET } }),
    );
    expect(stale.summary).toBe(
      'Someone else changed this meanwhile. Review the latest version and try again.',
    );
    expect(stale.fieldErrors).toEqual([]);
    await expectForgotten(queryClient);
  });
});

describe('useRenameCredential', () => {
  it('renames with a notice, and says a taken name in one line', async () => {
    const updateCredential = vi
      .fn<CredentialsBackend['updateCredential']>()
      .mockRejectedValueOnce(failure(409, { code: 'duplicate_name' }))
      .mockResolvedValue(credential({ name: 'Wiki' }));
    const { result, queryClient } = await renderAction(
      () => useRenameCredential(),
      fakeBackend({ updateCredential }),
    );
    const taken = await rejection(result.current.rename(credential(), 'Wiki'));
    expect(taken.message).toBe('This name is already used by another credential.');
    await expectForgotten(queryClient);

    await result.current.rename(credential(), 'Wiki');
    expect(updateCredential).toHaveBeenLastCalledWith('cred-1', 3, { name: 'Wiki' });
    await expect.element(page.getByText('Renamed to “Wiki”.')).toBeVisible();
  });
});

describe('useDeleteCredential', () => {
  it('treats a credential deleted elsewhere (404) as done', async () => {
    const deleteCredential = vi.fn(async () => {
      throw failure(404, { code: 'not_found' });
    });
    const { result, queryClient } = await renderAction(
      () => useDeleteCredential(),
      fakeBackend({ deleteCredential }),
    );
    await expect(result.current.remove(credential({ name: 'Gone one' }))).resolves.toBeUndefined();
    expect(deleteCredential).toHaveBeenCalledWith('cred-1', 3);
    await expect.element(page.getByText('“Gone one” was deleted.')).toBeVisible();
    await expectForgotten(queryClient);
  });

  it('rejects with what happened otherwise, without a notice', async () => {
    const deleteCredential = vi.fn(async () => {
      throw failure(403, { code: 'forbidden' });
    });
    const { result } = await renderAction(
      () => useDeleteCredential(),
      fakeBackend({ deleteCredential }),
    );
    const refused = await rejection(result.current.remove(credential({ name: 'Kept one' })));
    expect(refused.summary).toBe('You do not have permission to do this.');
    expect(page.getByText('“Kept one” was deleted.').query()).toBeNull();
  });
});

describe('useSetDefaultCredential', () => {
  it('never rejects: a notice says it worked, or why not', async () => {
    const setDefaultCredential = vi
      .fn<CredentialsBackend['setDefaultCredential']>()
      .mockRejectedValueOnce(failure(403, { code: 'forbidden' }))
      .mockResolvedValue(undefined);
    const { result } = await renderAction(
      () => useSetDefaultCredential(),
      fakeBackend({ setDefaultCredential }),
    );

    await expect(result.current.setDefault(credential({ name: 'Ada' }))).resolves.toBeUndefined();
    await expect.element(page.getByText('Could not make “Ada” the default.')).toBeVisible();
    await expect.element(page.getByText('You do not have permission to do this.')).toBeVisible();

    await result.current.setDefault(credential({ name: 'Ada' }));
    expect(setDefaultCredential).toHaveBeenLastCalledWith('firecrawl', 'cred-1');
    await expect.element(page.getByText('“Ada” is now the default.')).toBeVisible();
  });
});

describe('useSaveOAuthClient', () => {
  const clientFields: FieldSchema[] = [
    { name: 'tenant', label: 'Tenant ID', type: 'text', required: false },
  ];
  const input = {
    mode: 'custom',
    clientId: 'has spaces',
    clientSecret: 's3cret-value',
    extra: {},
  } as const;

  it('maps field errors onto the form’s paths and forgets the secret', async () => {
    const saveOAuthClient = vi.fn(async () => {
      throw failure(422, {
        code: 'validation_failed',
        fieldErrors: { clientId: 'No spaces.', tenant: 'Unknown tenant.' },
      });
    });
    const { result, queryClient } = await renderAction(
      () => useSaveOAuthClient({ providerId: 'dropbox', fields: clientFields }),
      fakeBackend({ saveOAuthClient }),
    );
    const refused = await rejection(result.current.save(input));
    expect(refused.fieldErrors).toEqual([
      { path: 'clientId', message: 'No spaces.' },
      { path: 'extra.tenant', message: 'Unknown tenant.' },
    ]);
    await expectForgotten(queryClient);
  });

  it('gives a notice for Save, none for the save before an authorization', async () => {
    const saveOAuthClient = vi.fn(async () => oauthSettings);
    const { result, queryClient } = await renderAction(
      () => useSaveOAuthClient({ providerId: 'dropbox', fields: clientFields }),
      fakeBackend({ saveOAuthClient }),
    );
    await expect(result.current.saveForAuthorization(input)).resolves.toBe(oauthSettings);
    await expectForgotten(queryClient);
    await result.current.save(input);
    await expect.element(page.getByText('OAuth client settings saved')).toBeVisible();
    expect(page.getByText('OAuth client settings saved').elements()).toHaveLength(1);
    expect(saveOAuthClient).toHaveBeenCalledWith('dropbox', input);
  });
});

describe('useDeleteOAuthClient', () => {
  it('removes the custom client with a notice', async () => {
    const deleteOAuthClient = vi.fn(async () => ({ ...oauthSettings, custom: null }));
    const { result, queryClient } = await renderAction(
      () => useDeleteOAuthClient('dropbox'),
      fakeBackend({ deleteOAuthClient }),
    );
    await expect(result.current.remove()).resolves.toMatchObject({ custom: null });
    expect(deleteOAuthClient).toHaveBeenCalledWith('dropbox');
    await expect.element(page.getByText('Custom OAuth client removed')).toBeVisible();
    await expectForgotten(queryClient);
  });
});

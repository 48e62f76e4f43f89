import { getResponse, HttpResponse } from 'msw';
import { ApiKeyDialog, type Credential } from 'pipeline-connect';
import { createHandlers, errorResponse, type MockStore } from 'pipeline-connect/mocks';
import { useState } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { userEvent } from 'vitest/browser';
// Test infrastructure: the typed MSW overrides (mocks/mock-http.ts).
import { mockHttp } from '../../mocks/mock-http';
// Internal on purpose: the stand-in key formats the mock verifies keys with (no public export).
import { exampleProviderKey } from '../../src/rules/provider-key-formats';
import { renderWithBackend, type RenderWithBackendOptions } from '../support/render-with-backend';

/** The create-credential operation every override here answers (for any provider). */
const CREATE = '/providers/{providerId}/credentials';

// Keys in Firecrawl's real format, which the mock (like the server) accepts.
const LIVE_KEY = 'fc-3c1a7d00b0f55339b7aeb0d6e0996d79';
const NEW_KEY = 'fc-95682d7661f1b3c761c622ea64b6e7e4';

/** The dialog as a host uses it: a button that opens it, state kept by the host. */
function Host({
  providerId,
  onCreated,
  initiallyOpen = true,
}: {
  providerId: string;
  onCreated?: (credential: Credential) => void;
  initiallyOpen?: boolean;
}) {
  const [open, setOpen] = useState(initiallyOpen);
  return (
    <>
      <button type="button" onClick={() => setOpen(true)}>
        Open the dialog
      </button>
      <ApiKeyDialog
        providerId={providerId}
        open={open}
        onOpenChange={setOpen}
        onCreated={onCreated}
      />
    </>
  );
}

async function renderDialog(
  options: RenderWithBackendOptions & {
    providerId?: string;
    onCreated?: (c: Credential) => void;
  } = {},
) {
  const { providerId = 'firecrawl', onCreated, ...backend } = options;
  const rendered = await renderWithBackend(
    <Host providerId={providerId} onCreated={onCreated} />,
    backend,
  );
  const { screen } = rendered;
  const dialog = screen.getByRole('dialog', { name: 'Add API Key' });
  await expect.element(dialog.getByLabelText('API Key')).toBeVisible();
  return {
    ...rendered,
    dialog,
    name: dialog.getByLabelText('Authorization Name'),
    apiKey: dialog.getByLabelText('API Key'),
    baseUrl: dialog.getByLabelText('Base URL'),
    save: dialog.getByRole('button', { name: 'Save' }),
    cancel: dialog.getByRole('button', { name: 'Cancel' }),
  };
}

/** A handler that holds every matching request until `release()` is called. */
function gate() {
  let release!: () => void;
  const opened = new Promise<void>((resolve) => {
    release = resolve;
  });
  return { opened, release: () => release() };
}

describe('ApiKeyDialog', () => {
  it('starts empty, titled Add API Key, with the provider’s fields from its schema', async () => {
    const { dialog, name, apiKey, baseUrl, save } = await renderDialog();

    await expect.element(dialog).toHaveAccessibleDescription('Connect Firecrawl with an API key.');
    await expect.element(name).toHaveValue('');
    await expect.element(name).toHaveFocus();
    await expect.element(apiKey).toHaveValue('');
    await expect.element(apiKey).toHaveAttribute('placeholder', 'fc-…');
    await expect.element(baseUrl).toHaveAttribute('placeholder', 'https://api.firecrawl.dev');
    await expect
      .element(dialog.getByText('Create a key in your Firecrawl dashboard.'))
      .toBeVisible();
    await expect
      .element(dialog.getByRole('link', { name: 'Learn more' }).first())
      .toHaveAttribute('href', 'https://docs.firecrawl.dev/introduction');
    await expect
      .element(dialog.getByText('Your key is stored encrypted and is never shown again.'))
      .toBeVisible();
    await expect.element(save).toBeEnabled();
    // Authorization Name and Base URL are optional, and say so; the key is not.
    expect(dialog.getByText('(optional)').elements()).toHaveLength(2);
  });

  it('enters the key in a password input that is never autofilled, with a show/hide toggle', async () => {
    const { dialog, apiKey } = await renderDialog();

    await expect.element(apiKey).toHaveAttribute('type', 'password');
    await expect.element(apiKey).toHaveAttribute('autocomplete', 'new-password');
    await expect.element(apiKey).toHaveAttribute('spellcheck', 'false');
    await apiKey.fill(LIVE_KEY);
    await dialog.getByRole('button', { name: 'Show value' }).click();
    await expect.element(apiKey).toHaveAttribute('type', 'text');
    await dialog.getByRole('button', { name: 'Hide value' }).click();
    await expect.element(apiKey).toHaveAttribute('type', 'password');
  });

  it('says what is missing on the field without sending anything', async () => {
    const { dialog, apiKey, save } = await renderDialog();

    await save.click();

    await expect.element(dialog.getByText('API Key is required.')).toBeVisible();
    await expect.element(apiKey).toHaveAttribute('aria-invalid', 'true');
    await expect.element(apiKey).toHaveFocus();
    await expect.element(dialog).toBeVisible();
  });

  it('refuses a key with a space inside, and a name over 100 characters', async () => {
    const { dialog, name, apiKey, save } = await renderDialog();

    await name.fill('x'.repeat(101));
    await apiKey.fill('fc-12 34');
    await save.click();

    await expect.element(dialog.getByText('Use at most 100 characters.')).toBeVisible();
    await expect
      .element(dialog.getByText('Remove the spaces or line breaks inside the value.'))
      .toBeVisible();
    await expect.element(name).toHaveFocus();
  });

  it('saves: closes, confirms with a toast naming the credential and hands it to onCreated', async () => {
    const onCreated = vi.fn();
    const { screen, dialog, name, apiKey, store } = await renderDialog({ onCreated });

    await name.fill('  Production  ');
    await apiKey.fill(`  ${LIVE_KEY}  `);
    await userEvent.keyboard('{Enter}');

    await expect.element(dialog).not.toBeInTheDocument();
    await expect.element(screen.getByText('“Production” was added.')).toBeVisible();
    expect(onCreated).toHaveBeenCalledTimes(1);
    expect(onCreated.mock.calls[0]?.[0]).toMatchObject({
      name: 'Production',
      providerId: 'firecrawl',
    });
    expect(store.listCredentials({ providerId: 'firecrawl' }).map((c) => c.name)).toEqual([
      'Production',
    ]);
  });

  it('lets the backend name the credential when Authorization Name is left empty', async () => {
    const onCreated = vi.fn();
    const { screen, dialog, apiKey, save } = await renderDialog({ onCreated });

    await apiKey.fill(LIVE_KEY);
    await save.click();

    await expect.element(dialog).not.toBeInTheDocument();
    const created = onCreated.mock.calls[0]?.[0] as Credential;
    expect(created.name).not.toBe('');
    await expect.element(screen.getByText(`“${created.name}” was added.`)).toBeVisible();
  });

  it('shows a name with markup as plain text', async () => {
    const markup = '<img src=x onerror="window.pwned=1">';
    const { screen, dialog, name, apiKey, save } = await renderDialog();

    await name.fill(markup);
    await apiKey.fill(LIVE_KEY);
    await save.click();

    await expect.element(dialog).not.toBeInTheDocument();
    await expect.element(screen.getByText(`“${markup}” was added.`)).toBeVisible();
    expect((window as { pwned?: number }).pwned).toBeUndefined();
  });

  it('disables Save and closing while saving', async () => {
    const hold = gate();
    const { dialog, name, apiKey, save, cancel } = await renderDialog({
      handlers: [
        mockHttp.post(CREATE, async () => {
          await hold.opened;
        }),
      ],
    });

    await name.fill('Production');
    await apiKey.fill(LIVE_KEY);
    await save.click();

    await expect.element(save).toBeDisabled();
    await expect.element(cancel).toBeDisabled();
    await expect.element(dialog.getByRole('button', { name: 'Close' })).toBeDisabled();
    await expect.element(dialog.getByRole('status').last()).toHaveTextContent('Saving…');
    await userEvent.keyboard('{Escape}');
    await expect.element(dialog).toBeVisible();

    hold.release();
    await expect.element(dialog).not.toBeInTheDocument();
  });

  it('puts the backend’s field errors (422) on their fields and keeps every value', async () => {
    const { dialog, name, apiKey, baseUrl, save } = await renderDialog({
      handlers: [
        mockHttp.post(CREATE, () =>
          errorResponse(422, {
            code: 'validation_failed',
            message: 'Some values are invalid.',
            fieldErrors: {
              firecrawl_api_key: 'Firecrawl did not accept this key.',
              base_url: 'Use an https:// URL.',
            },
            retryable: false,
          }),
        ),
      ],
    });

    await name.fill('Production');
    await apiKey.fill('fc-wrong');
    await baseUrl.fill('http://crawler.local');
    await save.click();

    await expect.element(dialog.getByText('Firecrawl did not accept this key.')).toBeVisible();
    await expect.element(dialog.getByText('Use an https:// URL.')).toBeVisible();
    await expect.element(apiKey).toHaveAttribute('aria-invalid', 'true');
    await expect.element(apiKey).toHaveFocus();
    await expect.element(name).toHaveValue('Production');
    await expect.element(baseUrl).toHaveValue('http://crawler.local');
    await expect.element(apiKey).toHaveValue('fc-wrong');
    await expect.element(save).toBeEnabled();
  });

  it('shows the provider’s refusal of a key on API Key, keeping the other input', async () => {
    const { screen, dialog, name, apiKey, baseUrl, save, store } = await renderDialog();

    await name.fill('Production');
    // Not in Firecrawl's format (fc- and 32 hexadecimal digits): the backend's check refuses it.
    await apiKey.fill('fc-live-123');
    await baseUrl.fill('https://crawl.example.com');
    await save.click();

    await expect.element(dialog.getByText('The provider refused this key.')).toBeVisible();
    await expect.element(apiKey).toHaveAttribute('aria-invalid', 'true');
    await expect.element(apiKey).toHaveAccessibleDescription(/The provider refused this key\./);
    await expect.element(apiKey).toHaveFocus();
    await expect.element(name).toHaveValue('Production');
    await expect.element(baseUrl).toHaveValue('https://crawl.example.com');
    await expect.element(apiKey).toHaveValue('fc-live-123');
    await expect.element(name).not.toHaveAttribute('aria-invalid', 'true');
    expect(store.listCredentials()).toEqual([]);

    await apiKey.fill(LIVE_KEY);
    await save.click();
    await expect.element(dialog).not.toBeInTheDocument();
    await expect.element(screen.getByText('“Production” was added.')).toBeVisible();
    expect(store.listCredentials().map((c) => c.name)).toEqual(['Production']);
  });

  it('says a provider that cannot check the key (502) is worth retrying, keeping the input', async () => {
    const { screen, dialog, name, apiKey, baseUrl, save, store } = await renderDialog();
    // A well-formed key that makes the provider fail (see standInFailureMarkers).
    const failing = exampleProviderKey('firecrawl', 'server_error');

    await name.fill('Production');
    await apiKey.fill(failing);
    await baseUrl.fill('https://crawl.example.com');
    await save.click();

    await expect
      .element(dialog.getByRole('alert'))
      .toHaveTextContent('The server had a problem. Trying again may help.');
    await expect.element(name).toHaveValue('Production');
    await expect.element(apiKey).toHaveValue(failing);
    await expect.element(baseUrl).toHaveValue('https://crawl.example.com');
    await expect.element(apiKey).not.toHaveAttribute('aria-invalid', 'true');
    await expect.element(save).toBeEnabled();
    await expect.element(save).toHaveFocus();
    expect(store.listCredentials()).toEqual([]);

    await apiKey.fill(LIVE_KEY);
    await save.click();
    await expect.element(dialog).not.toBeInTheDocument();
    await expect.element(screen.getByText('“Production” was added.')).toBeVisible();
  });

  it('waits out the Retry-After of a provider outage (503), keeping the input', async () => {
    const { dialog, name, apiKey, save, store } = await renderDialog();
    const failing = exampleProviderKey('firecrawl', 'outage');

    await name.fill('Production');
    await apiKey.fill(failing);
    await save.click();

    await expect
      .element(dialog.getByRole('alert'))
      .toHaveTextContent('The server had a problem. Trying again may help.');
    await expect.element(dialog.getByText(/You can try again in (30|29) s\./)).toBeVisible();
    await expect.element(save).toBeDisabled();
    await expect.element(name).toHaveValue('Production');
    await expect.element(apiKey).toHaveValue(failing);
    expect(store.listCredentials()).toEqual([]);
  });

  it('puts a duplicate name (409) on Authorization Name', async () => {
    const { dialog, name, apiKey, save } = await renderDialog({
      prepare: (store) => {
        store.createApiKeyCredential('firecrawl', {
          name: 'Production',
          values: { firecrawl_api_key: 'fc-1c442870854b914bc0ee02561639322e' },
        });
      },
    });

    await name.fill('production');
    await apiKey.fill(NEW_KEY);
    await save.click();

    await expect
      .element(dialog.getByText('This name is already used by another credential.'))
      .toBeVisible();
    await expect.element(name).toHaveAttribute('aria-invalid', 'true');
    await expect.element(name).toHaveFocus();
    await expect.element(apiKey).toHaveValue(NEW_KEY);
  });

  it('says a server error (503) is worth retrying, keeps the input, and a retry succeeds', async () => {
    const { screen, dialog, name, apiKey, baseUrl, save } = await renderDialog({
      handlers: [
        mockHttp.post(
          CREATE,
          () =>
            errorResponse(503, {
              code: 'server_error',
              message: 'The credentials service is temporarily unavailable.',
              retryable: true,
            }),
          { once: true },
        ),
      ],
    });

    await name.fill('Production');
    await apiKey.fill(LIVE_KEY);
    await baseUrl.fill('https://crawl.example.com');
    await save.click();

    await expect
      .element(dialog.getByRole('alert'))
      .toHaveTextContent('The server had a problem. Trying again may help.');
    await expect.element(name).toHaveValue('Production');
    await expect.element(baseUrl).toHaveValue('https://crawl.example.com');
    await expect.element(apiKey).toHaveValue(LIVE_KEY);
    await expect.element(save).toHaveFocus();

    await save.click();
    await expect.element(dialog).not.toBeInTheDocument();
    await expect.element(screen.getByText('“Production” was added.')).toBeVisible();
  });

  it('honours Retry-After on 429: a live countdown says how long (no fixed time beside it), and Save waits for it', async () => {
    const { dialog, name, apiKey, save } = await renderDialog({
      handlers: [
        mockHttp.post(CREATE, () =>
          errorResponse(
            429,
            { code: 'rate_limited', message: 'Too many changes.', retryable: true },
            { 'Retry-After': '2' },
          ),
        ),
      ],
    });

    await name.fill('Production');
    await apiKey.fill(LIVE_KEY);
    await save.click();

    await expect
      .element(dialog.getByRole('alert'))
      .toHaveTextContent('Too many requests. Wait a moment and try again.');
    await expect.element(dialog.getByText(/You can try again in [12] s\./)).toBeVisible();
    // One statement of the wait, the live one: no "2 seconds" that stays put while it counts.
    expect(dialog.element().textContent).not.toMatch(/seconds/);
    await expect.element(save).toBeDisabled();
    await expect.element(name).toHaveValue('Production');
    await expect.element(save, { timeout: 4000 }).toBeEnabled();
    await expect.element(dialog.getByText(/You can try again in/)).not.toBeInTheDocument();
  });

  it('says when the server cannot be reached, keeping the input', async () => {
    const { dialog, name, apiKey, save } = await renderDialog({
      handlers: [mockHttp.post(CREATE, () => HttpResponse.error())],
    });

    await name.fill('Production');
    await apiKey.fill(LIVE_KEY);
    await save.click();

    await expect
      .element(dialog.getByRole('alert'))
      .toHaveTextContent('Could not reach the server. Check your connection and try again.');
    await expect.element(name).toHaveValue('Production');
    await expect.element(apiKey).toHaveValue(LIVE_KEY);
  });

  it.each([
    [401, 'unauthorized', 'Your session has expired. Sign in again, then retry.'],
    [403, 'forbidden', 'You do not have permission to do this.'],
  ])('explains a %i', async (status, code, text) => {
    const { dialog, name, apiKey, save } = await renderDialog({
      handlers: [
        mockHttp.post(CREATE, () =>
          errorResponse(status, { code, message: 'No.', retryable: false }),
        ),
      ],
    });

    await name.fill('Production');
    await apiKey.fill(LIVE_KEY);
    await save.click();

    await expect.element(dialog.getByRole('alert')).toHaveTextContent(text);
    await expect.element(name).toHaveValue('Production');
  });

  it('sends one request for a double click', async () => {
    let requests = 0;
    const hold = gate();
    const { dialog, apiKey, save } = await renderDialog({
      handlers: [
        mockHttp.post(CREATE, async () => {
          requests += 1;
          // Held until both clicks are in; then the happy-path handler answers.
          await hold.opened;
        }),
      ],
    });

    await apiKey.fill(LIVE_KEY);
    await save.dblClick();
    hold.release();

    await expect.element(dialog).not.toBeInTheDocument();
    expect(requests).toBe(1);
  });

  it('makes one credential for a double click on Save', async () => {
    const hold = gate();
    const { dialog, name, apiKey, save, store } = await renderDialog({
      handlers: [
        mockHttp.post(CREATE, async () => {
          // Held until both clicks are in; then the happy-path handler answers.
          await hold.opened;
        }),
      ],
    });

    await name.fill('Production');
    await apiKey.fill(LIVE_KEY);
    await save.dblClick();
    hold.release();

    await expect.element(dialog).not.toBeInTheDocument();
    expect(store.listCredentials({ providerId: 'firecrawl' }).map((c) => c.name)).toEqual([
      'Production',
    ]);
  });

  it('makes one credential when Save is retried after a lost response', async () => {
    const keys: (string | null)[] = [];
    const backend: { store?: MockStore } = {};
    let lost = false;
    const { screen, dialog, name, apiKey, save, store } = await renderDialog({
      handlers: [
        mockHttp.post(CREATE, async ({ request }) => {
          keys.push(request.headers.get('Idempotency-Key'));
          if (lost || !backend.store) return undefined;
          lost = true;
          // The backend stores the credential, but its answer never arrives.
          await getResponse(createHandlers({ store: backend.store }), request.clone());
          return HttpResponse.error();
        }),
      ],
    });
    backend.store = store;

    await name.fill('Production');
    await apiKey.fill(LIVE_KEY);
    await save.click();
    await expect
      .element(dialog.getByRole('alert'))
      .toHaveTextContent('Could not reach the server. Check your connection and try again.');
    expect(store.listCredentials()).toHaveLength(1);

    await save.click();
    await expect.element(dialog).not.toBeInTheDocument();
    await expect.element(screen.getByText('“Production” was added.')).toBeVisible();
    expect(store.listCredentials().map((c) => c.name)).toEqual(['Production']);
    expect(keys).toHaveLength(2);
    expect(keys[0]).toMatch(/^[\x21-\x7E]{1,255}$/);
    expect(keys[1]).toBe(keys[0]);
  });

  it('uses a new Idempotency-Key once the input changed, and after a success', async () => {
    const keys: (string | null)[] = [];
    const { screen, dialog, name, apiKey, save, store } = await renderDialog({
      handlers: [
        mockHttp.post(CREATE, ({ request }) => {
          keys.push(request.headers.get('Idempotency-Key'));
        }),
        mockHttp.post(
          CREATE,
          () => errorResponse(503, { code: 'server_error', message: 'Down.', retryable: true }),
          { once: true },
        ),
      ],
    });

    await name.fill('Production');
    await apiKey.fill(LIVE_KEY);
    await save.click();
    await expect.element(dialog.getByRole('alert')).toBeVisible();

    await name.fill('Production EU');
    await save.click();
    await expect.element(dialog).not.toBeInTheDocument();

    await screen.getByRole('button', { name: 'Open the dialog' }).click();
    const reopened = screen.getByRole('dialog', { name: 'Add API Key' });
    await reopened.getByLabelText('Authorization Name').fill('Production EU');
    await reopened.getByLabelText('API Key').fill(LIVE_KEY);
    await reopened.getByRole('button', { name: 'Save' }).click();
    // Same input as the saved one, but a new attempt: a new key, so the backend sees a new
    // create (and refuses the duplicate name) instead of replaying the first.
    await expect
      .element(reopened.getByText('This name is already used by another credential.'))
      .toBeVisible();

    expect(keys).toHaveLength(3);
    expect(new Set(keys).size).toBe(3);
    expect(store.listCredentials().map((c) => c.name)).toEqual(['Production EU']);
  });

  it('forgets typed secrets when closed, and keeps them out of the cache and web storage', async () => {
    const { screen, dialog, name, apiKey, cancel, queryClient } = await renderDialog({
      handlers: [
        mockHttp.post(
          CREATE,
          () => errorResponse(503, { code: 'server_error', message: 'Down.', retryable: true }),
          { once: true },
        ),
      ],
    });
    const secret = 'fc-8b01d7b2e8525a7502a148cac29ed893';
    const mutationCacheText = () =>
      JSON.stringify(
        queryClient
          .getMutationCache()
          .getAll()
          .map((m) => m.state),
      );

    await name.fill('Production');
    await apiKey.fill(secret);
    await dialog.getByRole('button', { name: 'Save' }).click();
    await expect.element(dialog.getByRole('alert')).toBeVisible();
    // A failed save leaves nothing of the request in the mutation cache (the mutation is removed
    // by its gcTime-0 timer, so this waits for that rather than racing it).
    await expect.poll(mutationCacheText).not.toContain(secret);

    await cancel.click();
    await expect.element(dialog).not.toBeInTheDocument();
    await screen.getByRole('button', { name: 'Open the dialog' }).click();
    const reopened = screen.getByRole('dialog', { name: 'Add API Key' });
    await expect.element(reopened.getByLabelText('API Key')).toHaveValue('');
    await expect.element(reopened.getByLabelText('Authorization Name')).toHaveValue('');

    await reopened.getByLabelText('API Key').fill(secret);
    await reopened.getByRole('button', { name: 'Save' }).click();
    await expect.element(reopened).not.toBeInTheDocument();

    await expect.poll(mutationCacheText).not.toContain(secret);
    expect(
      JSON.stringify(
        queryClient
          .getQueryCache()
          .getAll()
          .map((q) => q.state.data),
      ),
    ).not.toContain(secret);
    for (const storage of [window.localStorage, window.sessionStorage]) {
      for (let i = 0; i < storage.length; i += 1) {
        expect(storage.getItem(storage.key(i) ?? '')).not.toContain(secret);
      }
    }
  });

  it('lets an optional key stay empty (Jina Reader)', async () => {
    const onCreated = vi.fn();
    const { dialog } = await renderWithBackend(
      <Host providerId="jina-reader" onCreated={onCreated} />,
    ).then(({ screen }) => ({ dialog: screen.getByRole('dialog', { name: 'Add API Key' }) }));

    await expect.element(dialog.getByText('(optional)').last()).toBeVisible();
    await dialog.getByRole('button', { name: 'Save' }).click();

    await expect.element(dialog).not.toBeInTheDocument();
    expect(onCreated).toHaveBeenCalledTimes(1);
  });

  it('says so when the provider cannot use an API key', async () => {
    const { screen } = await renderWithBackend(<Host providerId="google-drive" />);
    const dialog = screen.getByRole('dialog', { name: 'Add API Key' });

    await expect
      .element(dialog.getByText('Google Drive cannot be connected with an API key.'))
      .toBeVisible();
  });

  it('offers a retry when the provider catalog fails to load', async () => {
    const { screen } = await renderWithBackend(<Host providerId="firecrawl" />, {
      handlers: [
        mockHttp.get(
          '/providers',
          () => errorResponse(500, { code: 'server_error', message: 'Down.', retryable: false }),
          { once: true },
        ),
      ],
    });
    const dialog = screen.getByRole('dialog', { name: 'Add API Key' });

    await expect.element(dialog.getByRole('alert')).toHaveTextContent('The server had a problem.');
    await dialog.getByRole('button', { name: 'Try again' }).click();
    await expect.element(dialog.getByLabelText('API Key')).toBeVisible();
  });
});

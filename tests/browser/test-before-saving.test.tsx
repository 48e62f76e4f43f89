import type { HttpHandler } from 'msw';
import { ApiKeyDialog, CredentialList } from 'pipeline-connect';
import { errorResponse } from 'pipeline-connect/mocks';
import { describe, expect, it } from 'vitest';
import { userEvent } from 'vitest/browser';
// Test infrastructure: the typed MSW overrides (mocks/mock-http.ts).
import { mockHttp } from '../../mocks/mock-http';
// Internal on purpose: the stand-in key formats the mock verifies keys with (no public export).
import { exampleProviderKey } from '../../src/rules/provider-key-formats';
import { renderWithBackend } from '../support/render-with-backend';

/*
 * **Test** asks the provider about a key before it is saved; **Test connection** asks about a
 * stored one. Against the mock backend, which judges keys as the reference server's stand-in
 * providers do (a key in the real format is accepted; a failure marker simulates an outage).
 */

const VERIFY = '/providers/{providerId}/credentials/verify';

async function renderAddApiKey(handlers: HttpHandler[] = []) {
  const rendered = await renderWithBackend(<ApiKeyDialog providerId="firecrawl" defaultOpen />, {
    handlers,
  });
  const dialog = rendered.screen.getByRole('dialog', { name: 'Add API Key' });
  const apiKey = dialog.getByLabelText('API Key');
  await expect.element(apiKey).toBeVisible();
  return { ...rendered, dialog, apiKey, test: dialog.getByRole('button', { name: 'Test' }) };
}

describe('Test in Add API Key', () => {
  it('says the provider accepted the key, and stores nothing', async () => {
    const { dialog, apiKey, test, store } = await renderAddApiKey();
    await apiKey.fill(exampleProviderKey('firecrawl'));
    await test.click();

    await expect
      .element(dialog.getByRole('status').filter({ hasText: 'accepted' }))
      .toHaveTextContent('Firecrawl accepted this key.');
    expect(store.listCredentials()).toEqual([]);
    // Focus stays where the user acted: Save is one Tab away.
    expect(document.activeElement).toBe(test.element());
    await expect.element(dialog.getByRole('button', { name: 'Save' })).toBeEnabled();
  });

  it('puts a refused key on its field and says what to do; typing clears the verdict', async () => {
    const { dialog, apiKey, test } = await renderAddApiKey();
    await apiKey.fill(exampleProviderKey('firecrawl', 'refuse'));
    await test.click();

    const verdict = dialog.getByText(
      'Firecrawl refused this key. Check that you copied all of it and that it has not been revoked.',
    );
    await expect.element(verdict).toBeVisible();
    await expect.element(apiKey).toHaveAttribute('aria-invalid', 'true');
    await expect.element(apiKey).toHaveAccessibleDescription(/The provider refused this key\./);

    await userEvent.type(apiKey, '0');
    await expect.element(verdict).not.toBeInTheDocument();
  });

  it('tells a rate limit and an unreachable provider apart', async () => {
    const { dialog, apiKey, test } = await renderAddApiKey();
    await apiKey.fill(exampleProviderKey('firecrawl', 'rate_limited'));
    await test.click();
    await expect
      .element(
        dialog.getByText('Firecrawl is limiting requests right now. Try again in 30 seconds.'),
      )
      .toBeVisible();

    await apiKey.fill(exampleProviderKey('firecrawl', 'server_error'));
    await test.click();
    await expect
      .element(
        dialog.getByText('Firecrawl could not be reached to check the key. Try again in a moment.'),
      )
      .toBeVisible();
    // The key is not blamed for the provider's failure.
    await expect.element(apiKey).not.toHaveAttribute('aria-invalid', 'true');
  });

  it('checks the form first: an empty key is asked for, and nothing is sent', async () => {
    let requests = 0;
    const { dialog, test } = await renderAddApiKey([
      mockHttp.post(VERIFY, () => {
        requests += 1;
        return errorResponse(500, {
          code: 'internal_error',
          message: 'unexpected',
          retryable: true,
        });
      }),
    ]);
    await test.click();
    await expect.element(dialog.getByText('API Key is required.')).toBeVisible();
    expect(requests).toBe(0);
  });

  it('says so when the test itself fails, and keeps what was typed', async () => {
    const key = exampleProviderKey('firecrawl');
    const { dialog, apiKey, test } = await renderAddApiKey([
      mockHttp.post(VERIFY, () =>
        errorResponse(503, { code: 'service_unavailable', message: 'down', retryable: true }),
      ),
    ]);
    await apiKey.fill(key);
    await test.click();
    await expect.element(dialog.getByRole('alert')).toBeVisible();
    await expect.element(apiKey).toHaveValue(key);
  });
});

describe('Test connection in a credential’s menu', () => {
  it('asks the provider about the stored key and says the verdict in a notice', async () => {
    const { screen } = await renderWithBackend(<CredentialList providerId="firecrawl" />, {
      seed: 'mixed',
    });
    const trigger = screen.getByRole('button', { name: 'More actions for Firecrawl production' });
    await trigger.click();
    await screen.getByRole('menuitem', { name: 'Test connection' }).click();

    await expect
      .element(screen.getByText('“Firecrawl production”: Firecrawl accepted this key.'))
      .toBeVisible();
    // The menu gave focus back to its button.
    expect(document.activeElement).toBe(trigger.element());
  });

  it('is not offered for an OAuth credential', async () => {
    const { screen } = await renderWithBackend(<CredentialList providerId="notion" />, {
      seed: 'mixed',
    });
    await screen.getByRole('button', { name: "More actions for Ada's Workspace" }).click();
    await expect.element(screen.getByRole('menuitem', { name: 'Rename' })).toBeVisible();
    await expect
      .element(screen.getByRole('menuitem', { name: 'Test connection' }))
      .not.toBeInTheDocument();
  });
});

import { ApiKeyDialog, type Credential, type Provider } from 'pipeline-connect';
import { describe, expect, it } from 'vitest';
import { page, userEvent } from 'vitest/browser';
// Test infrastructure: the typed MSW overrides (mocks/mock-http.ts).
import { mockHttp } from '../../mocks/mock-http';
import { renderWithBackend } from '../support/render-with-backend';

/** A provider whose API key schema has a required and an optional select (no catalog entry has one yet). */
const regional: Provider = {
  id: 'regional',
  name: 'Regional API',
  description: 'An API hosted in several regions.',
  icon: 'data:image/svg+xml,%3Csvg xmlns="http://www.w3.org/2000/svg"/%3E',
  methods: ['api_key'],
  apiKeyFields: [
    { name: 'api_key', type: 'secret', label: 'API Key', required: true },
    {
      name: 'region',
      type: 'select',
      label: 'Region',
      required: true,
      options: [
        { value: 'eu', label: 'Europe' },
        { value: 'us', label: 'United States' },
      ],
      help: 'Where your data is stored.',
    },
    {
      name: 'tier',
      type: 'select',
      label: 'Tier',
      required: false,
      options: [{ value: 'pro', label: 'Pro' }],
    },
  ],
  oauth: null,
};

function created(values: Credential['values']): Credential {
  const now = new Date().toISOString();
  return {
    id: 'cred-regional-1',
    providerId: 'regional',
    name: 'Regional API',
    method: 'api_key',
    status: 'active',
    account: null,
    values,
    isDefault: true,
    version: 1,
    createdAt: now,
    updatedAt: now,
    expiresAt: null,
    lastVerifiedAt: null,
    lastRefreshAt: null,
    lastError: null,
    grantedScopes: null,
    refreshable: null,
  };
}

describe('a select field of an API key schema', () => {
  it('is a labelled Radix select: required shows a placeholder, optional offers None, and the choice is sent', async () => {
    const sent: unknown[] = [];
    await renderWithBackend(<ApiKeyDialog providerId="regional" defaultOpen />, {
      handlers: [
        mockHttp.get('/providers', ({ response }) =>
          response(200).json({ providers: [{ ...regional, oauth: null }] }),
        ),
        mockHttp.post('/providers/{providerId}/credentials', async ({ request, response }) => {
          const body = (await request.json()) as { values: Credential['values'] };
          sent.push(body);
          return response(201).json(created(body.values));
        }),
      ],
    });
    const dialog = page.getByRole('dialog', { name: 'Add API Key' });
    const region = dialog.getByRole('combobox', { name: 'Region' });
    await expect.element(region).toHaveTextContent('Choose…');
    await expect.element(region).toHaveAccessibleDescription('Where your data is stored.');
    await expect.element(region).toHaveAttribute('aria-required', 'true');
    await expect
      .element(dialog.getByRole('combobox', { name: 'Tier (optional)' }))
      .toHaveTextContent('None');

    await dialog.getByLabelText('API Key').fill('rk-123456789');
    await dialog.getByRole('button', { name: 'Save' }).click();
    await expect.element(dialog.getByText('Region is required.')).toBeVisible();
    await expect.element(region).toHaveAttribute('aria-invalid', 'true');
    expect(sent).toEqual([]);

    // Keyboard: open, move to United States, pick.
    (region.element() as HTMLElement).focus();
    await userEvent.keyboard('{Enter}');
    await expect.element(page.getByRole('option', { name: 'Europe' })).toHaveFocus();
    await userEvent.keyboard('{ArrowDown}');
    await expect.element(page.getByRole('option', { name: 'United States' })).toHaveFocus();
    await userEvent.keyboard('{Enter}');
    await expect.element(region).toHaveTextContent('United States');
    await expect.element(dialog.getByText('Region is required.')).not.toBeInTheDocument();

    await dialog.getByRole('button', { name: 'Save' }).click();
    await expect.element(dialog).not.toBeInTheDocument();
    expect(sent).toEqual([{ values: { api_key: 'rk-123456789', region: 'us' } }]);
  });
});

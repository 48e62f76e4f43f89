import { DataSourceSettings } from 'pipeline-connect';
import { errorResponse } from 'pipeline-connect/mocks';
import { describe, expect, it } from 'vitest';
import { page, userEvent } from 'vitest/browser';
// Test infrastructure: the typed MSW overrides (mocks/mock-http.ts).
import { mockHttp } from '../../mocks/mock-http';
import { renderWithBackend } from '../support/render-with-backend';

const card = (name: string) => page.getByRole('region', { name });

describe('Settings → Data Sources', () => {
  it('shows one card per provider, with its methods and an empty state', async () => {
    await renderWithBackend(<DataSourceSettings />);
    for (const name of [
      'Notion',
      'Jina Reader',
      'Firecrawl',
      'Google Drive',
      'Dropbox',
      'OneDrive',
    ]) {
      await expect.element(card(name)).toBeVisible();
      await expect.element(card(name).getByText('Not configured yet')).toBeVisible();
    }
    await expect.element(card('Notion').getByText('OAuth', { exact: true })).toBeVisible();
    await expect.element(card('Notion').getByText('API Key', { exact: true })).toBeVisible();
  });

  it('lists a provider’s credentials and flags the ones that need attention', async () => {
    await renderWithBackend(<DataSourceSettings />, { seed: 'mixed' });
    await expect.element(card('Firecrawl').getByText('Firecrawl production')).toBeVisible();
    await expect
      .element(card('Google Drive').getByText('1 credential needs attention'))
      .toBeVisible();
    expect(card('Google Drive').element().hasAttribute('data-attention')).toBe(true);
    expect(card('Firecrawl').element().hasAttribute('data-attention')).toBe(false);
  });

  it('searches providers by name and filters them by state', async () => {
    await renderWithBackend(<DataSourceSettings />, { seed: 'mixed' });
    await expect.element(card('Notion')).toBeVisible();
    await userEvent.fill(page.getByRole('searchbox', { name: 'Search data sources' }), 'drive');
    await expect.element(card('Notion')).not.toBeInTheDocument();
    await expect.element(card('Google Drive')).toBeVisible();
    await expect.element(card('OneDrive')).toBeVisible();
    await expect.element(page.getByText('Showing 2 of 6 data sources')).toBeInTheDocument();

    await userEvent.fill(page.getByRole('searchbox', { name: 'Search data sources' }), '');
    await page.getByRole('combobox', { name: 'Show' }).click();
    await page.getByRole('option', { name: 'Needs attention' }).click();
    await expect
      .element(page.getByRole('combobox', { name: 'Show' }))
      .toHaveTextContent('Needs attention');
    await expect.element(card('Google Drive')).toBeVisible();
    await expect.element(card('Firecrawl')).not.toBeInTheDocument();

    await page.getByRole('combobox', { name: 'Show' }).click();
    await page.getByRole('option', { name: 'Not connected' }).click();
    await expect.element(card('OneDrive')).toBeVisible();
    await expect.element(card('Firecrawl')).not.toBeInTheDocument();
  });

  it('says when nothing matches and clears the filters', async () => {
    await renderWithBackend(<DataSourceSettings />);
    await userEvent.fill(
      page.getByRole('searchbox', { name: 'Search data sources' }),
      'salesforce',
    );
    await expect.element(page.getByText('No data source matches your search.')).toBeVisible();
    await page.getByRole('button', { name: 'Clear filters' }).click();
    await expect.element(card('Notion')).toBeVisible();
  });

  it('Configure offers Add OAuth and Add API Key, and adds a key from the card', async () => {
    await renderWithBackend(<DataSourceSettings />);
    await card('Firecrawl')
      .getByRole('button', { name: /Configure/ })
      .click();
    const dialog = page.getByRole('dialog', { name: 'Add API Key' });
    await expect.element(dialog).toBeVisible();
    await userEvent.fill(dialog.getByRole('textbox', { name: /Authorization Name/ }), 'Crawler');
    await userEvent.fill(
      dialog.getByLabelText(/API Key/).first(),
      'fc-2fab64637f7a814c5e4614e7cf721a01',
    );
    await dialog.getByRole('button', { name: 'Save', exact: true }).click();
    await expect.element(card('Firecrawl').getByText('Crawler')).toBeVisible();

    await card('Notion').getByRole('button', { name: 'Configure' }).click();
    await expect.element(page.getByRole('menuitem', { name: 'Add OAuth' })).toBeVisible();
    await expect.element(page.getByRole('menuitem', { name: 'Add API Key' })).toBeVisible();
  });

  it('brings a linked provider’s card into focus', async () => {
    await renderWithBackend(<DataSourceSettings focusProviderId="dropbox" />);
    await expect.element(card('Dropbox')).toHaveFocus();
  });

  it('shows a retry when the catalog cannot load', async () => {
    let fail = true;
    await renderWithBackend(<DataSourceSettings />, {
      handlers: [
        mockHttp.get('/providers', () =>
          fail
            ? errorResponse(403, { code: 'forbidden', message: 'No.', retryable: false })
            : undefined,
        ),
      ],
    });
    await expect
      .element(page.getByRole('alert'))
      .toHaveTextContent('Could not load the data sources. You do not have permission to do this.');
    fail = false;
    await page.getByRole('button', { name: 'Try again' }).click();
    await expect.element(card('Notion')).toBeVisible();
  });
});

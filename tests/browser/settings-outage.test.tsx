import { DataSourceSettings } from 'pipeline-connect';
import { errorResponse } from 'pipeline-connect/mocks';
import { HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { page } from 'vitest/browser';
// Test infrastructure: the typed MSW overrides (mocks/mock-http.ts).
import { mockHttp } from '../../mocks/mock-http';
import { renderWithBackend } from '../support/render-with-backend';

// Reads are retried twice (about 1.3 s) before a query reads as failed.
const afterRetries = { timeout: 5000 };

describe('Settings → Data Sources in an outage', () => {
  it('says the service is unavailable in the server’s words, never that providers are unknown', async () => {
    await renderWithBackend(<DataSourceSettings />, { scenario: 'outage' });
    const alert = page.getByRole('alert');
    await expect
      .element(alert, afterRetries)
      .toHaveTextContent(
        'The data source service is unavailable. The credentials service is temporarily unavailable.',
      );
    await expect.element(alert.getByRole('button', { name: 'Try again' })).toBeVisible();
    expect(document.body.textContent).not.toMatch(/Unknown provider/);
    await expect.element(page.getByText('Loading data sources…')).not.toBeInTheDocument();
    await expect.element(page.getByRole('region', { name: 'Notion' })).not.toBeInTheDocument();
  });

  it('says the server cannot be reached when nothing answers, and Try again recovers', async () => {
    let down = true;
    await renderWithBackend(<DataSourceSettings />, {
      handlers: [
        mockHttp.get('/providers', () => (down ? HttpResponse.error() : undefined)),
        mockHttp.get('/credentials', () => (down ? HttpResponse.error() : undefined)),
      ],
    });
    const alert = page.getByRole('alert');
    await expect
      .element(alert, afterRetries)
      .toHaveTextContent(
        'The data source service is unavailable. Could not reach the server. Check your connection and try again.',
      );
    down = false;
    await alert.getByRole('button', { name: 'Try again' }).click();
    await expect.element(page.getByRole('region', { name: 'Notion' })).toBeVisible();
    await expect.element(page.getByRole('alert')).not.toBeInTheDocument();
  });

  it('says a 5xx without words of its own is a server problem worth retrying', async () => {
    await renderWithBackend(<DataSourceSettings />, {
      handlers: [
        mockHttp.get('/credentials', () =>
          errorResponse(500, { code: 'server_error', message: '', retryable: false }),
        ),
      ],
    });
    await expect
      .element(page.getByRole('alert'))
      .toHaveTextContent(
        'The data source service is unavailable. The server had a problem. Trying again may help.',
      );
  });
});

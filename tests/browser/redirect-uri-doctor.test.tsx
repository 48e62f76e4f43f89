import { OAuthClientSettingsDialog, OAuthStatusDialog } from 'pipeline-connect';
import { describe, expect, it } from 'vitest';
// Test infrastructure: the typed MSW overrides (mocks/mock-http.ts).
import { mockHttp } from '../../mocks/mock-http';
import { renderWithBackend } from '../support/render-with-backend';

/*
 * The redirect-URI doctor: OAuth Client Settings says, before any popup opens, when the backend
 * would send the provider back to another origin than this page; a flow the provider failed
 * with `redirect_uri_mismatch` shows the exact URI to register, with Copy.
 */

const origin = window.location.origin;

/** Dropbox's client settings as a backend behind a proxy answers them: another origin. */
function redirectOn(redirectOrigin: string) {
  return mockHttp.get('/providers/{providerId}/oauth-client', ({ response }) =>
    response(200).json({
      providerId: 'dropbox',
      mode: 'custom',
      hasPlatformClient: false,
      custom: null,
      redirectUri: `${redirectOrigin}/oauth-callback.html`,
    }),
  );
}

describe('the redirect-URI doctor', () => {
  it('warns when the sign-in would end on another host than this page', async () => {
    // localhost against 127.0.0.1: the same machine, another origin.
    const other = origin.replace('localhost', '127.0.0.1');
    expect(other).not.toBe(origin);
    const { screen } = await renderWithBackend(
      <OAuthClientSettingsDialog providerId="dropbox" defaultOpen />,
      { handlers: [redirectOn(other)] },
    );
    const dialog = screen.getByRole('dialog', { name: 'OAuth Client Settings' });
    await expect
      .element(dialog.getByRole('status').filter({ hasText: 'another host' }))
      .toHaveTextContent(
        `The backend will send Dropbox back to ${other}, but this page is at ${origin} (another host).`,
      );
  });

  it('says nothing when the redirect URI is on this page’s origin', async () => {
    const { screen } = await renderWithBackend(
      <OAuthClientSettingsDialog providerId="dropbox" defaultOpen />,
    );
    const dialog = screen.getByRole('dialog', { name: 'OAuth Client Settings' });
    await expect
      .element(dialog.getByLabelText('Redirect URI', { exact: true }))
      .toHaveValue(`${origin}/oauth-callback.html`);
    await expect.element(dialog.getByText(/The backend will send/)).not.toBeInTheDocument();
  });

  it('a flow failed with redirect_uri_mismatch shows the URI to register, with Copy', async () => {
    const { screen } = await renderWithBackend(
      <OAuthStatusDialog
        state={{
          providerId: 'dropbox',
          status: 'failed',
          flowId: 'f',
          stage: 'flow',
          error: { code: 'redirect_uri_mismatch', message: 'The provider reported it.' },
        }}
        providerName="Dropbox"
      />,
    );
    const dialog = screen.getByRole('dialog', { name: 'Could not connect Dropbox' });
    await expect
      .element(dialog.getByText(/Dropbox does not allow this redirect URI for your OAuth app\./))
      .toBeVisible();
    await expect
      .element(dialog.getByLabelText('Redirect URI', { exact: true }))
      .toHaveValue(`${origin}/oauth-callback.html`);
    await expect
      .element(dialog.getByRole('button', { name: 'Copy the redirect URI' }))
      .toBeVisible();
  });
});

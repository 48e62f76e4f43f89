import {
  AddOAuthDialogs,
  OAuthClientSettingsDialog,
  OAuthStatusDialog,
  useAddOAuth,
  useProvider,
  type Credential,
  type OAuthAuthorizeRequest,
  type OAuthFlowSnapshot,
} from 'pipeline-connect';
import { issueAuthorizationCode, parseAuthorizationRequest } from 'pipeline-connect/mocks';
import { useState } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { userEvent } from 'vitest/browser';
import { renderWithBackend } from '../support/render-with-backend';

const origin = window.location.origin;

afterEach(() => {
  vi.restoreAllMocks();
});

function ClientSettings(props: {
  providerId: string;
  onAuthorize?: (request: OAuthAuthorizeRequest) => void;
  onOpenChange?: (open: boolean) => void;
}) {
  const [open, setOpen] = useState(true);
  return (
    <OAuthClientSettingsDialog
      providerId={props.providerId}
      open={open}
      onOpenChange={(next) => {
        setOpen(next);
        props.onOpenChange?.(next);
      }}
      onAuthorize={props.onAuthorize}
    />
  );
}

describe('OAuthClientSettingsDialog', () => {
  it('empty Client ID: a field error, and nothing is saved', async () => {
    const { screen, store } = await renderWithBackend(<ClientSettings providerId="dropbox" />);
    const dialog = screen.getByRole('dialog', { name: 'OAuth Client Settings' });
    await expect.element(dialog.getByLabelText('Client ID')).toBeVisible();
    // Dropbox has no platform client: no choice of one option, but a sentence saying why.
    expect(dialog.getByRole('radio').query()).toBeNull();
    expect(dialog.getByRole('radiogroup').query()).toBeNull();
    await expect
      .element(dialog.getByText('Dropbox needs your own OAuth app', { exact: false }))
      .toBeVisible();

    await dialog.getByRole('button', { name: 'Save', exact: true }).click();
    await expect.element(dialog.getByText('Enter the Client ID.')).toBeVisible();
    await expect
      .element(dialog.getByLabelText('Client ID'))
      .toHaveAttribute('aria-invalid', 'true');
    await expect.element(dialog.getByLabelText('Client ID')).toHaveFocus();
    expect(store.getOAuthClient('dropbox', origin).custom).toBeNull();
  });

  it('Save stores the custom client and closes', async () => {
    const onOpenChange = vi.fn();
    const { screen, store } = await renderWithBackend(
      <ClientSettings providerId="dropbox" onOpenChange={onOpenChange} />,
    );
    const dialog = screen.getByRole('dialog', { name: 'OAuth Client Settings' });
    await dialog.getByLabelText('Client ID').fill('dbx-app-123');
    await dialog.getByLabelText('Client Secret').fill('s3cret-value');
    await dialog.getByRole('button', { name: 'Save', exact: true }).click();
    await vi.waitFor(() => expect(onOpenChange).toHaveBeenCalledWith(false));
    expect(store.getOAuthClient('dropbox', origin)).toMatchObject({
      mode: 'custom',
      custom: { clientId: 'dbx-app-123', clientSecret: '********' },
    });
  });

  it('the backend’s 422 lands on the field and the input is kept', async () => {
    const { screen, store } = await renderWithBackend(<ClientSettings providerId="dropbox" />);
    const dialog = screen.getByRole('dialog', { name: 'OAuth Client Settings' });
    await dialog.getByLabelText('Client ID').fill('has spaces in it');
    await dialog.getByLabelText('Client Secret').fill('s3cret-value');
    await dialog.getByRole('button', { name: 'Save', exact: true }).click();
    await expect.element(dialog.getByText('Client ID must not contain spaces.')).toBeVisible();
    await expect.element(dialog.getByLabelText('Client ID')).toHaveValue('has spaces in it');
    await expect.element(dialog.getByLabelText('Client Secret')).toHaveValue('s3cret-value');
    expect(store.getOAuthClient('dropbox', origin).custom).toBeNull();
  });

  it('a saved secret stays masked: blank keeps it; Remove (confirmed) forgets the client', async () => {
    const { screen, store } = await renderWithBackend(<ClientSettings providerId="dropbox" />, {
      prepare: (s) => {
        s.saveOAuthClient(
          'dropbox',
          { mode: 'custom', clientId: 'dbx-app-1', clientSecret: 'kept' },
          origin,
        );
      },
    });
    const dialog = screen.getByRole('dialog', { name: 'OAuth Client Settings' });
    await expect.element(dialog.getByLabelText('Client ID')).toHaveValue('dbx-app-1');
    await expect.element(dialog.getByLabelText('Client Secret')).toHaveValue('');
    // Said once, as the secret's help: not its placeholder too.
    await expect
      .element(dialog.getByLabelText('Client Secret'))
      .toHaveAccessibleDescription('Leave blank to keep the saved secret');
    await expect.element(dialog.getByLabelText('Client Secret')).not.toHaveAttribute('placeholder');
    expect(dialog.getByText('Leave blank to keep the saved secret').elements()).toHaveLength(1);

    await dialog.getByRole('button', { name: 'Remove custom client' }).click();
    await expect.element(dialog.getByText(/Remove the custom OAuth client\?/)).toBeVisible();
    expect(store.getOAuthClient('dropbox', origin).custom).not.toBeNull();
    await dialog.getByRole('button', { name: 'Remove client' }).click();
    await expect.element(dialog.getByLabelText('Client ID')).toHaveValue('');
    expect(store.getOAuthClient('dropbox', origin).custom).toBeNull();
    expect(dialog.getByRole('button', { name: 'Remove custom client' }).query()).toBeNull();
  });

  it('copies the redirect URI and says so', async () => {
    const writeText = vi.spyOn(navigator.clipboard, 'writeText').mockResolvedValue();
    const { screen } = await renderWithBackend(<ClientSettings providerId="dropbox" />);
    const dialog = screen.getByRole('dialog', { name: 'OAuth Client Settings' });
    await expect
      .element(dialog.getByLabelText('Redirect URI', { exact: true }))
      .toHaveValue(`${origin}/oauth-callback.html`);
    await dialog.getByRole('button', { name: 'Copy the redirect URI' }).click();
    expect(writeText).toHaveBeenCalledWith(`${origin}/oauth-callback.html`);
    await expect.element(dialog.getByRole('button', { name: 'Copied' })).toBeVisible();
  });

  it('says when copying failed', async () => {
    vi.spyOn(navigator.clipboard, 'writeText').mockRejectedValue(new Error('denied'));
    const { screen } = await renderWithBackend(<ClientSettings providerId="dropbox" />);
    const dialog = screen.getByRole('dialog', { name: 'OAuth Client Settings' });
    await dialog.getByRole('button', { name: 'Copy the redirect URI' }).click();
    await expect.element(dialog.getByText(/Could not copy/)).toBeVisible();
  });

  it('links to the developer console from the catalog, in a new tab', async () => {
    const { screen } = await renderWithBackend(<ClientSettings providerId="dropbox" />);
    const dialog = screen.getByRole('dialog', { name: 'OAuth Client Settings' });
    const link = dialog.getByRole('link', {
      name: 'Open the Dropbox developer console (opens in a new tab)',
    });
    await expect.element(link).toHaveAttribute('href', 'https://www.dropbox.com/developers/apps');
    await expect.element(link).toHaveAttribute('target', '_blank');
    await expect.element(link).toHaveAttribute('rel', 'noreferrer');
    expect(link.element().querySelector('svg[aria-hidden]')).not.toBeNull();
  });

  it('Google Drive offers Default (chosen) and Custom; Custom reveals the client fields, the console and the redirect URI', async () => {
    const { screen, store } = await renderWithBackend(<ClientSettings providerId="google-drive" />);
    const dialog = screen.getByRole('dialog', { name: 'OAuth Client Settings' });
    await expect.element(dialog.getByRole('radio', { name: 'Default' })).toBeChecked();
    expect(dialog.getByLabelText('Client ID').query()).toBeNull();
    // The platform's client needs no app of one's own: nothing to register, nothing to paste.
    expect(dialog.getByLabelText('Redirect URI', { exact: true }).query()).toBeNull();
    expect(dialog.getByRole('link', { name: /developer console/ }).query()).toBeNull();
    await dialog.getByRole('radio', { name: 'Custom' }).click();
    await expect.element(dialog.getByLabelText('Client ID')).toBeVisible();
    await expect
      .element(dialog.getByLabelText('Redirect URI', { exact: true }))
      .toHaveValue(`${origin}/oauth-callback.html`);
    await expect
      .element(dialog.getByRole('link', { name: /Open the Google Drive developer console/ }))
      .toHaveAttribute('href', 'https://console.cloud.google.com/apis/credentials');
    await dialog.getByLabelText('Client ID').fill('gd-client');
    await dialog.getByLabelText('Client Secret').fill('gd-secret');
    await dialog.getByRole('button', { name: 'Save', exact: true }).click();
    await vi.waitFor(() =>
      expect(store.getOAuthClient('google-drive', origin)).toMatchObject({
        mode: 'custom',
        custom: { clientId: 'gd-client' },
      }),
    );
  });

  it('OneDrive adds its tenant field, with its default', async () => {
    const { screen } = await renderWithBackend(<ClientSettings providerId="onedrive" />);
    const dialog = screen.getByRole('dialog', { name: 'OAuth Client Settings' });
    await expect.element(dialog.getByLabelText(/Tenant ID/)).toHaveValue('organizations');
  });

  it('Save and Authorize hands over synchronously, then `prepare` saves', async () => {
    const requests: OAuthAuthorizeRequest[] = [];
    const { screen, store } = await renderWithBackend(
      <ClientSettings providerId="dropbox" onAuthorize={(request) => requests.push(request)} />,
    );
    const dialog = screen.getByRole('dialog', { name: 'OAuth Client Settings' });
    await dialog.getByRole('button', { name: 'Save and Authorize' }).click();
    await expect.element(dialog.getByText('Enter the Client ID.')).toBeVisible();
    expect(requests).toHaveLength(0);

    await dialog.getByLabelText('Client ID').fill('dbx-app-9');
    await dialog.getByLabelText('Client Secret').fill('s3cret');
    await dialog.getByRole('button', { name: 'Save and Authorize' }).click();
    expect(requests).toHaveLength(1);
    await requests[0]!.prepare();
    expect(store.getOAuthClient('dropbox', origin).custom?.clientId).toBe('dbx-app-9');
  });
});

describe('OAuthStatusDialog', () => {
  const base = { providerId: 'google-drive' };
  const cases: [OAuthFlowSnapshot, string, string[]][] = [
    [
      {
        ...base,
        status: 'waiting',
        flowId: 'f',
        authorizationUrl: 'https://x.example/a',
        inTab: false,
      },
      'Connecting Google Drive',
      ['Cancel', 'Focus the window'],
    ],
    [
      { ...base, status: 'blocked', authorizationUrl: 'https://x.example/a', attempts: 1 },
      'The sign-in window was blocked',
      ['Cancel', 'Try again'],
    ],
    [
      { ...base, status: 'denied', flowId: 'f' },
      'Access was not granted',
      ['Not now', 'Try again'],
    ],
    [
      {
        ...base,
        status: 'failed',
        flowId: null,
        stage: 'start',
        error: { code: 'server_error', message: 'Boom.' },
      },
      'Could not connect Google Drive',
      ['Not now', 'Try again'],
    ],
    [
      { ...base, status: 'expired', flowId: 'f', reason: 'timeout' },
      'The sign-in request expired',
      ['Try again'],
    ],
    [
      {
        ...base,
        status: 'waiting',
        flowId: 'f',
        authorizationUrl: 'https://x.example/a',
        inTab: false,
        popupClosed: true,
      },
      'Connecting Google Drive',
      ['I closed it — cancel', 'Open it again'],
    ],
    [
      { ...base, status: 'cancelling', flowId: 'f', reason: 'timeout' },
      'Connecting Google Drive',
      ['Cancel'],
    ],
    [
      { ...base, status: 'cancelled', flowId: 'f', reason: 'user' },
      'Connection cancelled',
      ['Not now', 'Try again'],
    ],
  ];

  it.each(cases)('%# %j has a title and its actions', async (state, title, buttons) => {
    const { screen } = await renderWithBackend(
      <OAuthStatusDialog state={state} providerName="Google Drive" open onOpenChange={() => {}} />,
    );
    const dialog = screen.getByRole('dialog', { name: title });
    await expect.element(dialog).toBeVisible();
    for (const name of buttons) {
      await expect.element(dialog.getByRole('button', { name, exact: true })).toBeVisible();
    }
  });

  it('the popup reads closed: still waiting, and its two buttons report the choice', async () => {
    const onCancel = vi.fn();
    const onReopenPopup = vi.fn();
    const { screen } = await renderWithBackend(
      <OAuthStatusDialog
        state={{
          ...base,
          status: 'waiting',
          flowId: 'f',
          authorizationUrl: 'https://x.example/a',
          inTab: false,
          popupClosed: true,
        }}
        providerName="Google Drive"
        onCancel={onCancel}
        onReopenPopup={onReopenPopup}
      />,
    );
    const dialog = screen.getByRole('dialog', { name: 'Connecting Google Drive' });
    await expect
      .element(dialog.getByText('Waiting for the provider… (the window may have closed)'))
      .toBeVisible();
    expect(dialog.getByText(/Nothing was saved/).query()).toBeNull();
    expect(dialog.getByRole('button', { name: 'Focus the window' }).query()).toBeNull();
    await dialog.getByRole('button', { name: 'Open it again' }).click();
    expect(onReopenPopup).toHaveBeenCalledTimes(1);
    expect(onCancel).not.toHaveBeenCalled();
    await dialog.getByRole('button', { name: 'I closed it — cancel' }).click();
    expect(onCancel).toHaveBeenCalledTimes(1);
  });

  it('an unsafe authorization URL is a clear error', async () => {
    const { screen } = await renderWithBackend(
      <OAuthStatusDialog
        state={{
          ...base,
          status: 'failed',
          flowId: 'f',
          stage: 'start',
          error: { code: 'unsafe_authorization_url', message: null },
        }}
        providerName="Google Drive"
      />,
    );
    const dialog = screen.getByRole('dialog', { name: 'Could not connect Google Drive' });
    await expect
      .element(dialog.getByText(/not a secure \(https\) link, so it was not opened/))
      .toBeVisible();
  });

  it('blocked: Open in a new tab is a link to the authorization URL', async () => {
    const onOpenInNewTab = vi.fn();
    const { screen } = await renderWithBackend(
      <OAuthStatusDialog
        state={{
          ...base,
          status: 'blocked',
          authorizationUrl: `${origin}/nowhere.html`,
          attempts: 2,
        }}
        providerName="Google Drive"
        onOpenInNewTab={onOpenInNewTab}
      />,
    );
    const link = screen.getByRole('link', { name: 'Open in a new tab' });
    await expect.element(link).toHaveAttribute('href', `${origin}/nowhere.html`);
    await expect.element(link).toHaveAttribute('target', '_blank');
    await expect.element(screen.getByText(/blocked again/)).toBeVisible();
  });
});

function AddOAuth({
  providerId,
  onConnected,
}: {
  providerId: string;
  onConnected?: (credential: Credential) => void;
}) {
  const oauth = useAddOAuth({ providerId, onConnected });
  // Enabled once the catalog is in, as the real Connect menu is.
  const provider = useProvider(providerId);
  return (
    <>
      <button type="button" disabled={!provider.data} onClick={() => oauth.start()}>
        Add OAuth
      </button>
      <output data-testid="state">{oauth.state.status}</output>
      <AddOAuthDialogs oauth={oauth} />
    </>
  );
}

/** A popup as the flow sees it; `closed` is what the opener reads (COOP can make it lie). */
function fakePopup() {
  const popup = {
    closed: false,
    focus: vi.fn(),
    close: vi.fn(() => {
      popup.closed = true;
    }),
    location: { replace: vi.fn<(url: string) => void>() },
  };
  return popup;
}

describe('useAddOAuth', () => {
  it('connects once the backend confirms: a toast names the account, onConnected gets the credential', async () => {
    const popup = {
      closed: false,
      focus: vi.fn(),
      close: vi.fn(),
      location: { replace: vi.fn<(url: string) => void>() },
    };
    vi.spyOn(window, 'open').mockReturnValue(popup as unknown as Window);
    const onConnected = vi.fn<(credential: Credential) => void>();
    const { screen, store, backend } = await renderWithBackend(
      <AddOAuth providerId="google-drive" onConnected={onConnected} />,
    );
    const trigger = screen.getByRole('button', { name: 'Add OAuth' });
    await expect.element(trigger).toBeEnabled();
    await trigger.click();
    const dialog = screen.getByRole('dialog', { name: 'Connecting Google Drive' });
    await expect.element(dialog.getByRole('button', { name: 'Focus the window' })).toBeVisible();

    // Play the provider and the completion page: consent, then the callback.
    await vi.waitFor(() => expect(popup.location.replace).toHaveBeenCalled());
    const request = parseAuthorizationRequest(popup.location.replace.mock.calls[0]![0]);
    const code = issueAuthorizationCode(store, request);
    await backend.completeOAuthCallback({ state: request.state, code });

    await expect
      .element(screen.getByText('Google Drive connected as ada@example.com'))
      .toBeVisible();
    expect(onConnected).toHaveBeenCalledWith(
      expect.objectContaining({ account: 'ada@example.com' }),
    );
    await expect.element(screen.getByTestId('state')).toHaveTextContent('succeeded');
    expect(dialog.query()).toBeNull();
    expect(store.listCredentials({ providerId: 'google-drive' })).toHaveLength(1);
  });

  it('connecting an account that is connected already says so, and adds no copy', async () => {
    const popup = fakePopup();
    vi.spyOn(window, 'open').mockReturnValue(popup as unknown as Window);
    const { screen, store, backend } = await renderWithBackend(
      <AddOAuth providerId="google-drive" />,
    );
    // The same account connected earlier (and renamed since), straight through the backend.
    const earlier = parseAuthorizationRequest(
      (await backend.startOAuth('google-drive')).authorizationUrl,
    );
    const first = await backend.completeOAuthCallback({
      state: earlier.state,
      code: issueAuthorizationCode(store, earlier),
    });
    await backend.updateCredential(first.credentialId ?? '', 1, { name: 'Team drive' });

    const trigger = screen.getByRole('button', { name: 'Add OAuth' });
    await expect.element(trigger).toBeEnabled();
    await trigger.click();
    await vi.waitFor(() => expect(popup.location.replace).toHaveBeenCalled());
    const request = parseAuthorizationRequest(popup.location.replace.mock.calls[0]![0]);
    await backend.completeOAuthCallback({
      state: request.state,
      code: issueAuthorizationCode(store, request),
    });

    await expect
      .element(
        screen.getByText(
          'Google Drive was already connected as ada@example.com: “Team drive” was re-authorized instead of adding a copy',
        ),
      )
      .toBeVisible();
    expect(store.listCredentials({ providerId: 'google-drive' })).toEqual([
      expect.objectContaining({ id: first.credentialId, name: 'Team drive' }),
    ]);
  });

  it('a popup that reads closed: Open it again sends a new popup to the same consent page, and Allow Access there connects', async () => {
    const popups = [fakePopup(), fakePopup()];
    const open = vi
      .spyOn(window, 'open')
      .mockReturnValueOnce(popups[0] as unknown as Window)
      .mockReturnValueOnce(popups[1] as unknown as Window);
    const { screen, store, backend } = await renderWithBackend(
      <AddOAuth providerId="google-drive" />,
    );
    const trigger = screen.getByRole('button', { name: 'Add OAuth' });
    await expect.element(trigger).toBeEnabled();
    await trigger.click();
    const dialog = screen.getByRole('dialog', { name: 'Connecting Google Drive' });
    await vi.waitFor(() => expect(popups[0]!.location.replace).toHaveBeenCalled());
    const url = popups[0]!.location.replace.mock.calls[0]![0];

    // COOP (or the user) makes the popup read closed.
    popups[0]!.closed = true;
    await expect
      .element(dialog.getByText('Waiting for the provider… (the window may have closed)'), {
        timeout: 5000,
      })
      .toBeVisible();
    const reopen = dialog.getByRole('button', { name: 'Open it again' });
    await reopen.click();
    expect(open).toHaveBeenCalledTimes(2);
    await vi.waitFor(() => expect(popups[1]!.location.replace).toHaveBeenCalledWith(url));
    // Back to plain waiting, and focus is still in the dialog, on the same button.
    const focusWindow = dialog.getByRole('button', { name: 'Focus the window' });
    await expect.element(focusWindow).toHaveFocus();
    expect(dialog.getByText(/the window may have closed/).query()).toBeNull();

    const request = parseAuthorizationRequest(url);
    await backend.completeOAuthCallback({
      state: request.state,
      code: issueAuthorizationCode(store, request),
    });
    await expect
      .element(screen.getByText('Google Drive connected as ada@example.com'))
      .toBeVisible();
    await expect.element(screen.getByTestId('state')).toHaveTextContent('succeeded');
    expect(store.listCredentials({ providerId: 'google-drive' })).toHaveLength(1);
  });

  it('a popup that reads closed: “I closed it — cancel” ends the dialog, focus goes back, and a later Allow Access stores nothing', async () => {
    const popup = fakePopup();
    vi.spyOn(window, 'open').mockReturnValue(popup as unknown as Window);
    const { screen, store, backend } = await renderWithBackend(
      <AddOAuth providerId="google-drive" />,
    );
    const trigger = screen.getByRole('button', { name: 'Add OAuth' });
    await expect.element(trigger).toBeEnabled();
    await trigger.click();
    const dialog = screen.getByRole('dialog', { name: 'Connecting Google Drive' });
    await vi.waitFor(() => expect(popup.location.replace).toHaveBeenCalled());
    const request = parseAuthorizationRequest(popup.location.replace.mock.calls[0]![0]);

    popup.closed = true;
    const closedIt = dialog.getByRole('button', { name: 'I closed it — cancel' });
    await expect.element(closedIt, { timeout: 5000 }).toBeVisible();
    await closedIt.click();
    await expect.element(dialog).not.toBeInTheDocument();
    await expect.element(trigger).toHaveFocus();
    await expect.element(screen.getByTestId('state')).toHaveTextContent('cancelled');

    // The consent page was really still open (COOP): the user clicks Allow Access there now.
    await expect(
      backend.completeOAuthCallback({
        state: request.state,
        code: issueAuthorizationCode(store, request),
      }),
    ).rejects.toMatchObject({ status: 400, code: 'flow_cancelled' });
    expect(store.listCredentials({ providerId: 'google-drive' })).toHaveLength(0);
    await expect.element(screen.getByTestId('state')).toHaveTextContent('cancelled');
  });

  it('unmounting while waiting cancels the flow: a later Allow Access stores nothing', async () => {
    const popup = fakePopup();
    vi.spyOn(window, 'open').mockReturnValue(popup as unknown as Window);
    const { screen, store, backend } = await renderWithBackend(
      <AddOAuth providerId="google-drive" />,
    );
    const cancelFlow = vi.spyOn(backend, 'cancelOAuthFlow');
    const trigger = screen.getByRole('button', { name: 'Add OAuth' });
    await expect.element(trigger).toBeEnabled();
    await trigger.click();
    await vi.waitFor(() => expect(popup.location.replace).toHaveBeenCalled());
    const request = parseAuthorizationRequest(popup.location.replace.mock.calls[0]![0]);
    await expect.element(screen.getByRole('dialog')).toBeVisible();

    // The host unmounts the panel while the consent page is open (e.g. the node was deleted).
    await screen.unmount();
    expect(document.querySelector('[role="dialog"]')).toBeNull();
    expect(popup.close).toHaveBeenCalled();
    await vi.waitFor(() => expect(cancelFlow).toHaveBeenCalledTimes(1));
    await cancelFlow.mock.results[0]!.value;

    await expect(
      backend.completeOAuthCallback({
        state: request.state,
        code: issueAuthorizationCode(store, request),
      }),
    ).rejects.toMatchObject({ status: 400, code: 'flow_cancelled' });
    expect(store.listCredentials({ providerId: 'google-drive' })).toHaveLength(0);
  });

  it('a blocked popup shows Try again; closing returns focus to the trigger', async () => {
    const open = vi.spyOn(window, 'open').mockReturnValue(null);
    const { screen } = await renderWithBackend(<AddOAuth providerId="google-drive" />);
    const trigger = screen.getByRole('button', { name: 'Add OAuth' });
    await expect.element(trigger).toBeEnabled();
    await trigger.click();
    expect(open).toHaveBeenCalledWith('about:blank', expect.any(String), expect.any(String));
    const dialog = screen.getByRole('dialog', { name: 'The sign-in window was blocked' });
    await expect.element(dialog.getByRole('button', { name: 'Try again' })).toBeVisible();
    await expect.element(dialog.getByRole('link', { name: 'Open in a new tab' })).toBeVisible();

    await dialog.getByRole('button', { name: 'Try again' }).click();
    expect(open).toHaveBeenCalledTimes(2);
    await expect.element(dialog.getByText(/blocked again/)).toBeVisible();

    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await expect.element(screen.getByTestId('state')).toHaveTextContent('idle');
    await expect.element(trigger).toHaveFocus();
  });

  it('a provider with no usable client opens OAuth Client Settings instead of a popup', async () => {
    const open = vi.spyOn(window, 'open');
    const { screen } = await renderWithBackend(<AddOAuth providerId="dropbox" />);
    await expect.element(screen.getByRole('button', { name: 'Add OAuth' })).toBeEnabled();
    await screen.getByRole('button', { name: 'Add OAuth' }).click();
    const dialog = screen.getByRole('dialog', { name: 'OAuth Client Settings' });
    await expect
      .element(dialog.getByText('Set up a custom OAuth client to connect Dropbox.'))
      .toBeVisible();
    expect(open).not.toHaveBeenCalled();
    await userEvent.keyboard('{Escape}');
    await expect.element(screen.getByRole('button', { name: 'Add OAuth' })).toHaveFocus();
  });
});

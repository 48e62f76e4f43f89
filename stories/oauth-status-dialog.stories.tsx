import type { Meta, StoryObj } from '@storybook/react-vite';
import { OAuthStatusDialog, type OAuthFlowSnapshot } from 'pipeline-connect';
import { expect, fn, screen, userEvent } from 'storybook/test';
import { docsStoryInOwnFrame } from '../.storybook/docs-in-own-frame';

const providerId = 'google-drive';
const authorizationUrl = 'https://accounts.example/o/oauth2/auth?client_id=demo';

/** Where an Add OAuth flow stands, one story per state. The dialog only renders `state`. */
const meta = {
  title: 'Dialogs/OAuthStatusDialog',
  component: OAuthStatusDialog,
  parameters: { docs: { story: docsStoryInOwnFrame('360px') } },
  args: {
    providerName: 'Google Drive',
    open: true,
    onOpenChange: fn(),
    onCancel: fn(),
    onFocusPopup: fn(),
    onReopenPopup: fn(),
    onRetry: fn(),
    onOpenInNewTab: fn(),
    onOpenClientSettings: fn(),
  },
} satisfies Meta<typeof OAuthStatusDialog>;

export default meta;
type Story = StoryObj<typeof meta>;

function state(snapshot: OAuthFlowSnapshot): OAuthFlowSnapshot {
  return snapshot;
}

export const Opening: Story = {
  args: { state: state({ status: 'opening', providerId, stage: 'start' }) },
  play: async () => {
    await expect(
      await screen.findByRole('dialog', { name: 'Connecting Google Drive' }),
    ).toBeVisible();
    await expect(screen.getByText('Opening the Google Drive sign-in window…')).toBeVisible();
  },
};

export const Waiting: Story = {
  args: {
    state: state({
      status: 'waiting',
      providerId,
      flowId: 'flow-1',
      authorizationUrl,
      inTab: false,
    }),
  },
  play: async ({ args }) => {
    const dialog = await screen.findByRole('dialog', { name: 'Connecting Google Drive' });
    await expect(dialog).toHaveTextContent('click Allow Access');
    await userEvent.click(screen.getByRole('button', { name: 'Focus the window' }));
    await expect(args.onFocusPopup).toHaveBeenCalled();
    await userEvent.click(screen.getByRole('button', { name: 'Cancel' }));
    await expect(args.onCancel).toHaveBeenCalled();
  },
};

export const WaitingInTab: Story = {
  args: {
    state: state({
      status: 'waiting',
      providerId,
      flowId: 'flow-1',
      authorizationUrl,
      inTab: true,
    }),
  },
  play: async () => {
    await screen.findByRole('dialog', { name: 'Connecting Google Drive' });
    // No window reference to focus when the page was opened in a tab.
    await expect(screen.queryByRole('button', { name: 'Focus the window' })).toBeNull();
  },
};

export const Blocked: Story = {
  args: { state: state({ status: 'blocked', providerId, authorizationUrl, attempts: 1 }) },
  play: async ({ args }) => {
    await screen.findByRole('dialog', { name: 'The sign-in window was blocked' });
    const link = screen.getByRole('link', { name: 'Open in a new tab' });
    await expect(link).toHaveAttribute('href', authorizationUrl);
    await userEvent.click(screen.getByRole('button', { name: 'Try again' }));
    await expect(args.onRetry).toHaveBeenCalled();
  },
};

export const BlockedPreparingLink: Story = {
  args: { state: state({ status: 'blocked', providerId, authorizationUrl: null, attempts: 1 }) },
  play: async () => {
    await screen.findByRole('dialog', { name: 'The sign-in window was blocked' });
    await expect(screen.getByRole('button', { name: 'Preparing the link…' })).toBeDisabled();
  },
};

export const BlockedAgain: Story = {
  args: { state: state({ status: 'blocked', providerId, authorizationUrl, attempts: 2 }) },
  play: async () => {
    await expect(await screen.findByText(/blocked again/)).toBeVisible();
  },
};

export const Denied: Story = {
  args: { state: state({ status: 'denied', providerId, flowId: 'flow-1' }) },
  play: async () => {
    await screen.findByRole('dialog', { name: 'Access was not granted' });
    await expect(screen.getByText('Nothing was saved.')).toBeVisible();
  },
};

export const Failed: Story = {
  args: {
    state: state({
      status: 'failed',
      providerId,
      flowId: 'flow-1',
      stage: 'flow',
      error: {
        code: 'invalid_grant',
        message: 'The provider did not confirm the authorization. Start again.',
      },
    }),
  },
  play: async () => {
    await screen.findByRole('dialog', { name: 'Could not connect Google Drive' });
    await expect(screen.getByText(/did not confirm the authorization/)).toBeVisible();
  },
};

export const ClientRequired: Story = {
  args: {
    providerName: 'Dropbox',
    state: state({
      status: 'failed',
      providerId: 'dropbox',
      flowId: null,
      stage: 'start',
      error: { code: 'oauth_client_required', message: 'Dropbox needs a custom OAuth client.' },
    }),
  },
  play: async ({ args }) => {
    await screen.findByRole('dialog', { name: 'Could not connect Dropbox' });
    await userEvent.click(screen.getByRole('button', { name: 'OAuth Client Settings' }));
    await expect(args.onOpenClientSettings).toHaveBeenCalled();
  },
};

export const Expired: Story = {
  args: { state: state({ status: 'expired', providerId, flowId: 'flow-1', reason: 'timeout' }) },
  play: async () => {
    await expect(
      await screen.findByRole('dialog', { name: 'The sign-in request expired' }),
    ).toBeVisible();
  },
};

/** The popup reads closed (closed, or hidden by the provider's COOP): still waiting. */
export const WaitingWindowMayHaveClosed: Story = {
  args: {
    state: state({
      status: 'waiting',
      providerId,
      flowId: 'flow-1',
      authorizationUrl,
      inTab: false,
      popupClosed: true,
    }),
  },
  play: async ({ args }) => {
    const dialog = await screen.findByRole('dialog', { name: 'Connecting Google Drive' });
    await expect(dialog).toHaveTextContent(
      'Waiting for the provider… (the window may have closed)',
    );
    await expect(dialog).not.toHaveTextContent('Nothing was saved');
    await expect(screen.queryByRole('button', { name: 'Focus the window' })).toBeNull();
    await userEvent.click(screen.getByRole('button', { name: 'Open it again' }));
    await expect(args.onReopenPopup).toHaveBeenCalled();
    await userEvent.click(screen.getByRole('button', { name: 'I closed it — cancel' }));
    await expect(args.onCancel).toHaveBeenCalled();
  },
};

/** The flow's expiry passed; the backend is asked to cancel it (and whether it succeeded). */
export const Cancelling: Story = {
  args: { state: state({ status: 'cancelling', providerId, flowId: 'flow-1', reason: 'timeout' }) },
  play: async ({ args }) => {
    const dialog = await screen.findByRole('dialog', { name: 'Connecting Google Drive' });
    await expect(dialog).toHaveTextContent('Closing the Google Drive sign-in request…');
    await userEvent.click(screen.getByRole('button', { name: 'Cancel' }));
    await expect(args.onCancel).not.toHaveBeenCalled();
  },
};

export const UnsafeAuthorizationUrl: Story = {
  args: {
    state: state({
      status: 'failed',
      providerId,
      flowId: 'flow-1',
      stage: 'start',
      error: { code: 'unsafe_authorization_url', message: null },
    }),
  },
  play: async () => {
    await screen.findByRole('dialog', { name: 'Could not connect Google Drive' });
    await expect(
      screen.getByText(/not a secure \(https\) link, so it was not opened/),
    ).toBeVisible();
  },
};

export const Cancelled: Story = {
  args: { state: state({ status: 'cancelled', providerId, flowId: null, reason: 'user' }) },
  play: async () => {
    await expect(await screen.findByRole('dialog', { name: 'Connection cancelled' })).toBeVisible();
  },
};

export const Succeeded: Story = {
  args: {
    state: state({
      status: 'succeeded',
      providerId,
      flowId: 'flow-1',
      credentialId: 'cred-1',
      credential: null,
      account: 'ada@example.com',
      outcome: 'created',
    }),
  },
  play: async () => {
    await screen.findByRole('dialog', { name: 'Google Drive connected' });
    await expect(screen.getByText('Connected as ada@example.com.')).toBeVisible();
  },
};

/**
 * The provider refused the redirect URI (`redirect_uri_mismatch`): the dialog shows the exact URI
 * to register in the OAuth app, with Copy.
 */
export const RedirectUriMismatch: Story = {
  args: {
    providerName: 'Dropbox',
    state: state({
      status: 'failed',
      providerId: 'dropbox',
      flowId: 'flow-1',
      stage: 'flow',
      error: { code: 'redirect_uri_mismatch', message: 'The provider reported it.' },
    }),
  },
  play: async () => {
    await screen.findByRole('dialog', { name: 'Could not connect Dropbox' });
    await expect(await screen.findByLabelText('Redirect URI', { exact: true })).toHaveValue(
      `${window.location.origin}/oauth-callback.html`,
    );
    await expect(screen.getByRole('button', { name: 'Copy the redirect URI' })).toBeVisible();
  },
};

import type { Meta, StoryObj } from '@storybook/react-vite';
import { OAuthClientSettingsDialog } from 'pipeline-connect';
import type { MockStore } from 'pipeline-connect/mocks';
import { expect, fn, screen, userEvent, waitFor } from 'storybook/test';
// Test infrastructure: the typed MSW overrides (mocks/mock-http.ts), not a package export.
import { mockHttp } from '../mocks/mock-http';
import { docsStoryInOwnFrame } from '../.storybook/docs-in-own-frame';

const origin = window.location.origin;

/**
 * **OAuth Client Settings**: Default or Custom, the redirect URI to copy, Save and Authorize,
 * Save, and Remove for a saved custom client. Each story starts from a fresh mock backend.
 */
const meta = {
  title: 'Dialogs/OAuthClientSettingsDialog',
  component: OAuthClientSettingsDialog,
  parameters: { docs: { story: docsStoryInOwnFrame('640px') } },
  args: {
    providerId: 'google-drive',
    open: true,
    onOpenChange: fn(),
    onAuthorize: fn(),
    onSaved: fn(),
  },
} satisfies Meta<typeof OAuthClientSettingsDialog>;

export default meta;
type Story = StoryObj<typeof meta>;

function saveCustom(providerId: string, clientId: string) {
  return (store: MockStore) => {
    store.saveOAuthClient(
      providerId,
      { mode: 'custom', clientId, clientSecret: 'stored-secret' },
      origin,
    );
  };
}

/** Google Drive on the platform's client: Default chosen, nothing to fill in. */
export const DefaultClient: Story = {
  play: async () => {
    await screen.findByRole('dialog', { name: 'OAuth Client Settings' });
    await waitFor(() => expect(screen.getByRole('radio', { name: 'Default' })).toBeChecked());
    await expect(screen.queryByLabelText('Client ID')).toBeNull();
    // The redirect URI matters only to an app of your own: it is not shown for Default.
    await expect(screen.queryByLabelText('Redirect URI')).toBeNull();
  },
};

/** Switching to Custom reveals Client ID, Client Secret and the redirect URI to register. */
export const SwitchToCustom: Story = {
  play: async () => {
    await userEvent.click(await screen.findByRole('radio', { name: 'Custom' }));
    await expect(screen.getByLabelText('Client ID')).toBeVisible();
    await expect(screen.getByLabelText('Client Secret')).toBeVisible();
    await expect(screen.getByLabelText('Redirect URI')).toHaveValue(
      `${origin}/oauth-callback.html`,
    );
  },
};

/** Dropbox has no platform client: Custom only. Saving without a Client ID is refused. */
export const CustomOnlyValidation: Story = {
  args: { providerId: 'dropbox' },
  play: async ({ args }) => {
    await screen.findByLabelText('Client ID');
    // No one-option radio: the custom fields straight away, and where to register the app.
    await expect(screen.queryByRole('radiogroup')).toBeNull();
    await expect(
      screen.getByRole('link', { name: /Open the Dropbox developer console/ }),
    ).toHaveAttribute('href', 'https://www.dropbox.com/developers/apps');
    await userEvent.click(screen.getByRole('button', { name: 'Save and Authorize' }));
    await expect(await screen.findByText('Enter the Client ID.')).toBeVisible();
    await expect(screen.getByText('Enter the Client Secret.')).toBeVisible();
    await expect(args.onAuthorize).not.toHaveBeenCalled();
  },
};

/** A saved custom client: the secret stays masked (blank keeps it) and it can be removed. */
export const SavedCustomClient: Story = {
  args: { providerId: 'dropbox' },
  parameters: { backend: { prepare: saveCustom('dropbox', 'dbx-app-12345') } },
  play: async () => {
    await waitFor(() => expect(screen.getByLabelText('Client ID')).toHaveValue('dbx-app-12345'));
    await expect(screen.getByLabelText('Client Secret')).toHaveValue('');
    await expect(screen.getAllByText('Leave blank to keep the saved secret')[0]).toBeVisible();
    await userEvent.click(screen.getByRole('button', { name: 'Remove custom client' }));
    await expect(await screen.findByText(/Remove the custom OAuth client\?/)).toBeVisible();
  },
};

/** OneDrive's client also needs a tenant, which starts as `organizations`. */
export const OneDriveTenant: Story = {
  args: { providerId: 'onedrive' },
  play: async () => {
    await waitFor(() => expect(screen.getByLabelText(/Tenant ID/)).toHaveValue('organizations'));
  },
};

/** Why the dialog opened, when Add OAuth found no client to use. */
export const SetupRequired: Story = {
  args: { providerId: 'dropbox', notice: 'Set up a custom OAuth client to connect Dropbox.' },
  play: async () => {
    await expect(
      await screen.findByText('Set up a custom OAuth client to connect Dropbox.'),
    ).toBeVisible();
  },
};

/** Without `onAuthorize` only Save is offered. */
export const SaveOnly: Story = {
  args: { onAuthorize: undefined },
  play: async () => {
    await screen.findByRole('radio', { name: 'Default' });
    await expect(screen.queryByRole('button', { name: 'Save and Authorize' })).toBeNull();
  },
};

/**
 * The redirect-URI doctor: the backend (behind a proxy, say) would send the provider back to
 * another host than this page's, so the sign-in could not reach it. Said before any popup opens.
 */
export const RedirectOnAnotherOrigin: Story = {
  args: { providerId: 'dropbox' },
  parameters: {
    backend: {
      handlers: [
        mockHttp.get('/providers/{providerId}/oauth-client', ({ response }) =>
          response(200).json({
            providerId: 'dropbox',
            mode: 'custom',
            hasPlatformClient: false,
            custom: null,
            redirectUri: 'https://pipelines.example.com/oauth-callback.html',
          }),
        ),
      ],
    },
  },
  play: async () => {
    await expect(
      await screen.findByText(
        /The backend will send Dropbox back to https:\/\/pipelines\.example\.com/,
      ),
    ).toBeVisible();
  },
};

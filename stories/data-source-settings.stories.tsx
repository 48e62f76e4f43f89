import type { Meta, StoryObj } from '@storybook/react-vite';
import { DataSourceSettings } from 'pipeline-connect';
import { errorResponse, type MockStore } from 'pipeline-connect/mocks';
import { expect, screen, userEvent, within } from 'storybook/test';
// Test infrastructure: the typed MSW overrides (mocks/mock-http.ts), not a package export.
import { mockHttp } from '../mocks/mock-http';

/**
 * **Settings → Data Sources**: the second entry point. One card per provider of the catalog with
 * **Configure** (→ Add OAuth / Add API Key, and the OAuth client gear) and its credentials. Place
 * it in your settings page or dialog; `focusProviderId` brings one card into view (e.g. from a
 * node's "Open in Settings"). It shares the canvas's queries, so a change shows on both at once.
 */
const meta = {
  title: 'Settings/Data Sources',
  component: DataSourceSettings,
} satisfies Meta<typeof DataSourceSettings>;

export default meta;
type Story = StoryObj<typeof meta>;

export const Empty: Story = {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const notion = await canvas.findByRole('region', { name: 'Notion' });
    await expect(within(notion).getByText('Not configured yet')).toBeVisible();
    await expect(canvas.getAllByText('Not configured yet')).toHaveLength(6);
  },
};

export const MixedStates: Story = {
  parameters: { backend: { seed: 'mixed' } },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const drive = await canvas.findByRole('region', { name: 'Google Drive' });
    await expect(await within(drive).findByText('1 credential needs attention')).toBeVisible();
    await userEvent.click(canvas.getByRole('combobox', { name: 'Show' }));
    await userEvent.click(await screen.findByRole('option', { name: 'Needs attention' }));
    await expect(canvas.queryByRole('region', { name: 'Firecrawl' })).toBeNull();
  },
};

function manyKeys(store: MockStore) {
  for (let i = 1; i <= 12; i += 1) {
    store.createApiKeyCredential('firecrawl', {
      name: `Crawler ${String(i).padStart(2, '0')}`,
      // Keys in Firecrawl's real format (fc- and 32 hexadecimal digits).
      values: { firecrawl_api_key: `fc-${String(i).padStart(32, '0')}`, base_url: '' },
    });
  }
}

export const ManyCredentials: Story = {
  parameters: { backend: { prepare: manyKeys } },
  play: async ({ canvasElement }) => {
    const firecrawl = await within(canvasElement).findByRole('region', { name: 'Firecrawl' });
    await expect(await within(firecrawl).findByText('Crawler 12')).toBeVisible();
  },
};

export const Loading: Story = {
  parameters: { backend: { scenario: 'slow' } },
  play: async ({ canvasElement }) => {
    await expect(await within(canvasElement).findByText('Loading data sources…')).toBeVisible();
  },
};

/** The service is down (the `outage` scenario): an outage, in the server's words, with a retry. */
export const Outage: Story = {
  parameters: { backend: { scenario: 'outage' } },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    // The catalog is retried twice (about 1.3 s) before it reads as down.
    const alert = await canvas.findByRole('alert', {}, { timeout: 5000 });
    await expect(alert).toHaveTextContent(
      'The data source service is unavailable. The credentials service is temporarily unavailable.',
    );
    await expect(within(alert).getByRole('button', { name: 'Try again' })).toBeVisible();
    await expect(canvas.queryByText(/Unknown provider/)).toBeNull();
  },
};

/** Any other failure to load (here 403) says what happened, with a retry. */
export const LoadError: Story = {
  parameters: {
    backend: {
      handlers: [
        mockHttp.get('/providers', () =>
          errorResponse(403, { code: 'forbidden', message: 'No.', retryable: false }),
        ),
      ],
    },
  },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(await canvas.findByText('Could not load the data sources.')).toBeVisible();
    await expect(canvas.getByRole('button', { name: 'Try again' })).toBeVisible();
  },
};

export const LinkedFromANode: Story = {
  args: { focusProviderId: 'dropbox' },
  play: async ({ canvasElement }) => {
    const dropbox = await within(canvasElement).findByRole('region', { name: 'Dropbox' });
    await expect(dropbox).toHaveFocus();
  },
};

import type { Meta, StoryObj } from '@storybook/react-vite';
import { DataSourcePanel } from 'pipeline-connect';
import { errorResponse, type MockStore } from 'pipeline-connect/mocks';
import { expect, within } from 'storybook/test';
// Test infrastructure: the typed MSW overrides (mocks/mock-http.ts), not a package export.
import { mockHttp } from '../mocks/mock-http';
import { CanvasFrame, sourceNode } from './support/canvas-frame';

/**
 * The side panel of the selected data-source node. It shows **Connect** for a node that is not
 * authorized, and the credential it uses plus the provider's credentials once it is. Place
 * `<DataSourcePanel />` anywhere inside React Flow's provider (`PipelineCanvas` renders it for
 * you). Escape or the close button deselects the node, which closes the panel.
 */
const meta = {
  title: 'Canvas/Side panel',
  component: DataSourcePanel,
  parameters: { layout: 'fullscreen' },
} satisfies Meta<typeof DataSourcePanel>;

export default meta;
type Story = StoryObj<typeof meta>;

const selected = (providerId: string, credentialId: string | null = null) =>
  ({
    render: () => (
      <CanvasFrame nodes={[sourceNode('n', providerId, credentialId, true)]} height={560} />
    ),
  }) as unknown as Story;

/** 100 characters, CJK and emoji, with no space to break at. */
const longName = '知识库📚'.repeat(25);

const panel = (canvasElement: HTMLElement, name: string) =>
  within(canvasElement).findByRole('complementary', { name: `${name} connection` });

export const NotConnected: Story = {
  ...selected('notion'),
  play: async ({ canvasElement }) => {
    const p = within(await panel(canvasElement, 'Notion'));
    await expect(await p.findByRole('button', { name: 'Connect' })).toBeVisible();
    await expect(p.getByRole('button', { name: 'OAuth Client Settings' })).toBeVisible();
  },
};

export const SingleMethod: Story = {
  ...selected('jina-reader'),
  play: async ({ canvasElement }) => {
    const p = within(await panel(canvasElement, 'Jina Reader'));
    await expect(await p.findByRole('button', { name: 'Connect: Add API Key' })).toBeVisible();
  },
};

export const Connected: Story = {
  ...selected('firecrawl', 'cred-firecrawl-production'),
  parameters: { backend: { seed: 'mixed' } },
  play: async ({ canvasElement }) => {
    const p = within(await panel(canvasElement, 'Firecrawl'));
    await expect(await p.findByRole('combobox', { name: 'Credential' })).toHaveTextContent(
      'Firecrawl production',
    );
  },
};

/** An expired grant: a warning, with Re-authorize on the alert and on its row. */
export const Expired: Story = {
  ...selected('google-drive', 'cred-google-drive-expired'),
  parameters: { backend: { seed: 'mixed' } },
  play: async ({ canvasElement }) => {
    const p = within(await panel(canvasElement, 'Google Drive'));
    const alert = (await p.findByText(/has expired/)).closest('[data-slot="alert"]');
    await expect(alert).toHaveAttribute('data-tone', 'warning');
    await expect(within(alert as HTMLElement).getByRole('button')).toHaveTextContent(
      'Re-authorize',
    );
  },
};

/** A grant the provider rejected: an error, and Re-authorize (an OAuth grant has nothing to edit). */
export const InvalidOAuth: Story = {
  ...selected('dropbox'),
  parameters: { backend: { seed: 'mixed' } },
  play: async ({ canvasElement }) => {
    const p = within(await panel(canvasElement, 'Dropbox'));
    const alert = await p.findByRole('alert');
    await expect(alert).toHaveAttribute('data-tone', 'error');
    await expect(within(alert).getByRole('button', { name: 'Re-authorize' })).toBeVisible();
    await expect(within(alert).queryByRole('button', { name: 'Edit' })).toBeNull();
  },
};

/** 100 characters of CJK and emoji: cut with an ellipsis in the list, whole on hover. */
export const LongName: Story = {
  ...selected('google-drive'),
  parameters: {
    backend: {
      seed: 'mixed',
      prepare: (store: MockStore) => {
        store.updateCredential('cred-google-drive-expired', '1', { name: longName });
      },
    },
  },
  play: async ({ canvasElement }) => {
    const p = within(await panel(canvasElement, 'Google Drive'));
    const row = await p.findByRole('listitem', { name: longName });
    const name = within(row).getByTitle(longName);
    await expect(name.getBoundingClientRect().width).toBeGreaterThan(100);
    await expect(getComputedStyle(name).textOverflow).toBe('ellipsis');
    await expect(within(row).getByRole('button', { name: 'Re-authorize' })).toBeVisible();
  },
};

export const CredentialMissing: Story = {
  ...selected('firecrawl', 'cred-deleted'),
  parameters: { backend: { seed: 'mixed' } },
  play: async ({ canvasElement }) => {
    const p = within(await panel(canvasElement, 'Firecrawl'));
    await expect(await p.findByText(/was deleted/)).toBeVisible();
  },
};

export const ProviderUnavailable: Story = {
  ...selected('retired-provider'),
  play: async ({ canvasElement }) => {
    const p = within(
      await within(canvasElement).findByRole('complementary', { name: /retired-provider/ }),
    );
    await expect(await p.findByRole('button', { name: 'Delete node' })).toBeVisible();
  },
};

/**
 * The backend is down (the demo's `outage` scenario): the panel keeps the node's last known
 * provider name and says the service is unavailable, with the server's words and Try again.
 */
export const Outage: Story = {
  render: () => (
    <CanvasFrame
      nodes={[
        {
          id: 'n',
          type: 'dataSource',
          position: { x: 0, y: 0 },
          data: { providerId: 'notion', credentialId: null, providerName: 'Notion' },
          selected: true,
        },
      ]}
      height={560}
    />
  ),
  parameters: { backend: { scenario: 'outage' } },
  play: async ({ canvasElement }) => {
    const p = within(await panel(canvasElement, 'Notion'));
    // Reads are retried twice before the outage shows.
    await expect(await p.findByRole('alert', {}, { timeout: 10_000 })).toHaveTextContent(
      'The connection service is unavailable.',
    );
    await expect(p.getByRole('button', { name: 'Try again' })).toBeVisible();
    await expect(p.queryByText(/Unknown provider/)).toBeNull();
  },
};

export const LoadError: Story = {
  ...selected('notion'),
  parameters: {
    backend: {
      handlers: [
        mockHttp.get('/credentials', () =>
          errorResponse(500, { code: 'server_error', message: 'Down', retryable: false }),
        ),
      ],
    },
  },
  play: async ({ canvasElement }) => {
    const p = within(await panel(canvasElement, 'Notion'));
    await expect(await p.findByRole('button', { name: 'Try again' })).toBeVisible();
  },
};

export const Loading: Story = {
  ...selected('notion'),
  parameters: { backend: { scenario: 'slow' } },
  play: async ({ canvasElement }) => {
    const p = within(await panel(canvasElement, 'Data source'));
    await expect(await p.findByText('Checking connection…')).toBeVisible();
  },
};

import type { Meta, StoryObj } from '@storybook/react-vite';
import { DataSourcePanel } from 'pipeline-connect';
import { errorResponse } from 'pipeline-connect/mocks';
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
    await expect(await p.findByRole('combobox', { name: 'Credential' })).toHaveValue(
      'cred-firecrawl-production',
    );
  },
};

export const Expired: Story = {
  ...selected('google-drive', 'cred-google-drive-expired'),
  parameters: { backend: { seed: 'mixed' } },
  play: async ({ canvasElement }) => {
    const p = within(await panel(canvasElement, 'Google Drive'));
    await expect(await p.findByText(/has expired/)).toBeVisible();
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

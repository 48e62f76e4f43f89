import type { Meta, StoryObj } from '@storybook/react-vite';
import { DataSourceNodeView, type PipelineNode } from 'pipeline-connect';
import { errorResponse, type MockStore } from 'pipeline-connect/mocks';
import { expect, within } from 'storybook/test';
// Test infrastructure: the typed MSW overrides (mocks/mock-http.ts), not a package export.
import { mockHttp } from '../mocks/mock-http';
import { CanvasFrame, sourceNode } from './support/canvas-frame';

// 100 characters of CJK and emoji with no place to break.
const longName = '知识库🚀'.repeat(25);

/**
 * The data-source node shows its provider and connection state as text and colour
 * (`data-status`). Nodes live in React Flow, so each story renders a small canvas.
 *
 * Hosts with their own `<ReactFlow>` register it with `nodeTypes={{ ...dataSourceNodeTypes }}`
 * (at module scope). Node data is `{ providerId, credentialId }` — never a secret.
 */
const meta = {
  title: 'Canvas/Data source node',
  component: DataSourceNodeView,
  parameters: { layout: 'fullscreen' },
} satisfies Meta<typeof DataSourceNodeView>;

export default meta;
type Story = StoryObj<typeof meta>;

// The node's props come from React Flow; stories render it through a canvas instead.
const frame = (nodes: PipelineNode[]) =>
  ({
    render: () => <CanvasFrame nodes={nodes} panel={false} height={200} />,
  }) as unknown as Story;
const node = (id: string, providerId: string, credentialId: string | null = null) =>
  frame([sourceNode(id, providerId, credentialId)]);

export const NotConnected: Story = {
  ...node('n', 'notion'),
  play: async ({ canvasElement }) => {
    await expect(await within(canvasElement).findByText('Not connected')).toBeInTheDocument();
  },
};

export const Connected: Story = {
  ...node('n', 'firecrawl', 'cred-firecrawl-production'),
  parameters: { backend: { seed: 'mixed' } },
  play: async ({ canvasElement }) => {
    await expect(
      await within(canvasElement).findByText('Connected · Firecrawl production'),
    ).toBeInTheDocument();
  },
};

export const FollowingTheDefault: Story = {
  ...node('n', 'notion'),
  parameters: { backend: { seed: 'mixed' } },
  play: async ({ canvasElement }) => {
    await expect(await within(canvasElement).findByText(/^Connected · /)).toBeInTheDocument();
  },
};

export const Expired: Story = {
  ...node('n', 'google-drive', 'cred-google-drive-expired'),
  parameters: { backend: { seed: 'mixed' } },
  play: async ({ canvasElement }) => {
    await expect(await within(canvasElement).findByText('Expired')).toBeInTheDocument();
  },
};

export const CredentialMissing: Story = {
  ...node('n', 'firecrawl', 'cred-deleted'),
  parameters: { backend: { seed: 'mixed' } },
  play: async ({ canvasElement }) => {
    await expect(await within(canvasElement).findByText('Credential missing')).toBeInTheDocument();
  },
};

export const ProviderUnavailable: Story = {
  ...node('n', 'retired-provider'),
  play: async ({ canvasElement }) => {
    await expect(
      await within(canvasElement).findByText('Provider unavailable'),
    ).toBeInTheDocument();
  },
};

export const Invalid: Story = {
  ...node('n', 'dropbox', 'cred-dropbox-revoked'),
  parameters: { backend: { seed: 'mixed' } },
  play: async ({ canvasElement }) => {
    await expect(await within(canvasElement).findByText('Invalid credential')).toBeInTheDocument();
  },
};

/**
 * The backend is down (the `outage` scenario): the node keeps the provider name it last saw
 * (`data.providerName`) and says the service is unavailable — not "Unknown provider".
 */
export const Outage: Story = {
  ...frame([
    {
      id: 'n',
      type: 'dataSource',
      position: { x: 0, y: 0 },
      data: { providerId: 'jina-reader', credentialId: null, providerName: 'Jina Reader' },
    },
  ]),
  parameters: { backend: { scenario: 'outage' } },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(
      await canvas.findByText('Service unavailable', {}, { timeout: 5000 }),
    ).toBeInTheDocument();
    await expect(canvas.getByText('Jina Reader')).toBeInTheDocument();
    await expect(canvas.queryByText(/Unknown provider/)).toBeNull();
  },
};

/** A long credential name ends in an ellipsis; the whole status is the line's title. */
export const LongCredentialName: Story = {
  ...node('n', 'jina-reader'),
  parameters: {
    backend: {
      prepare: (store: MockStore) => {
        store.createApiKeyCredential('jina-reader', {
          name: longName,
          values: { api_key: '' },
        });
      },
    },
  },
  play: async ({ canvasElement }) => {
    const status = await within(canvasElement).findByText(`Connected · ${longName}`);
    await expect(status).toHaveAttribute('title', `Connected · ${longName}`);
    // The node's two lines share one clipping block, which ends each line in an ellipsis.
    const lines = status.parentElement!;
    await expect(getComputedStyle(lines).textOverflow).toBe('ellipsis');
    await expect(lines.scrollWidth).toBeGreaterThan(lines.clientWidth);
  },
};

export const StateUnavailable: Story = {
  ...node('n', 'notion'),
  parameters: {
    backend: {
      handlers: [
        mockHttp.get('/credentials', () =>
          errorResponse(403, { code: 'forbidden', message: 'No', retryable: false }),
        ),
      ],
    },
  },
  play: async ({ canvasElement }) => {
    await expect(await within(canvasElement).findByText('Service unavailable')).toBeInTheDocument();
  },
};

export const Loading: Story = {
  ...node('n', 'notion'),
  parameters: { backend: { scenario: 'slow' } },
  play: async ({ canvasElement }) => {
    await expect(
      await within(canvasElement).findByText('Checking connection…'),
    ).toBeInTheDocument();
  },
};
